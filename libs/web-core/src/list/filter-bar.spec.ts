import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../i18n/i18n';
import FilterBar from './filter-bar.vue';

const i18n = () =>
  createAppI18n(
    [
      {
        'zh-CN': { demo: { query: '查询', reset: '重置', loadFailed: '加载失败' } },
        'en-US': { demo: { query: 'Query', reset: 'Reset', loadFailed: 'Load failed' } },
      },
    ],
    'zh-CN',
  );

describe('FilterBar', () => {
  it('holds the fields, queries on submit and resets with a reset listener', async () => {
    const onReset = vi.fn();
    const wrapper = mount(FilterBar, {
      props: { texts: 'demo', toolbarClass: 'x-toolbar', queryTestid: 'x-query', onReset },
      slots: { default: '<input data-testid="field" />', after: '<span data-testid="after">n</span>' },
      global: { plugins: [i18n()] },
    });
    const form = wrapper.find('form');
    expect(form.classes()).toEqual(['toolbar', 'x-toolbar']);
    expect(form.find('[data-testid="field"]').exists()).toBe(true);
    expect(form.find('[data-testid="after"]').exists()).toBe(true);
    const buttons = form.findAll('button');
    expect(buttons.map((b) => b.text())).toEqual(['查询', '重置']);
    expect(buttons[0]?.attributes('type')).toBe('submit');
    expect(buttons[0]?.attributes('data-testid')).toBe('x-query');
    await form.trigger('submit');
    expect(wrapper.emitted('query')).toHaveLength(1);
    await buttons[1]?.trigger('click');
    expect(onReset).toHaveBeenCalledOnce();
    expect(wrapper.find('.el-alert').exists()).toBe(false);
  });

  it('has no reset without a listener, and tells a failed read under the bar', () => {
    const wrapper = mount(FilterBar, {
      props: { texts: 'demo', toolbarClass: 'x-toolbar', loadError: 'boom', alertClass: 'x-alert' },
      global: { plugins: [i18n()] },
    });
    expect(wrapper.findAll('form button').map((b) => b.text())).toEqual(['查询']);
    // The class goes to the alert's root (test-utils stubs its transition, which holds it here).
    expect(wrapper.find('.x-alert').exists()).toBe(true);
    const alert = wrapper.find('.el-alert');
    expect(alert.text()).toContain('加载失败');
    expect(alert.text()).toContain('boom');
  });
});
