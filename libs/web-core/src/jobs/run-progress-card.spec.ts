import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../i18n/i18n';
import RunProgressCard from './run-progress-card.vue';

const i18n = () =>
  createAppI18n(
    [
      {
        'zh-CN': {
          demo: {
            progress: '运算进度',
            waiting: '排队等待中…',
            running: '运算中 {percent}%',
            done: '运算完成',
            failedText: '运算失败',
          },
        },
        'en-US': {
          demo: {
            progress: 'Progress',
            waiting: 'Waiting…',
            running: 'Running {percent}%',
            done: 'Done',
            failedText: 'Failed',
          },
        },
      },
    ],
    'zh-CN',
  );

const failedRun = {
  status: 'failed',
  error: {
    message: 'the model is invalid',
    details: [{ field: 'demands[0].item', message: 'unknown item "OLD-1"' }],
  },
};

describe('RunProgressCard', () => {
  it('shows the bar, the state as text, the test ids and the actions', async () => {
    const wrapper = mount(RunProgressCard, {
      props: { texts: 'demo', testid: 'x-run', percent: 0, state: 'waiting' },
      slots: { actions: '<button data-testid="x-cancel">cancel</button>' },
      global: { plugins: [i18n()] },
    });
    const card = wrapper.find('[data-testid="x-run-progress"]');
    expect(card.attributes('data-state')).toBe('waiting');
    expect(card.attributes('data-percent')).toBe('0');
    expect(card.text()).toContain('运算进度');
    const text = () => wrapper.find('[data-testid="x-run-progress-text"]').text();
    expect(text()).toBe('排队等待中…');
    expect(wrapper.find('[data-testid="x-cancel"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="x-run-result"]').exists()).toBe(false);

    await wrapper.setProps({ percent: 45, state: 'active' });
    expect(card.attributes('data-percent')).toBe('45');
    expect(text()).toBe('运算中 45%');
    expect(wrapper.find('.el-progress__text').text()).toContain('45%');
    expect(wrapper.find('.el-progress').classes()).not.toContain('is-success');

    await wrapper.setProps({ percent: 100, state: 'completed' });
    expect(card.attributes('data-state')).toBe('completed');
    expect(text()).toBe('运算完成');
    expect(wrapper.find('.el-progress').classes()).toContain('is-success');

    await wrapper.setProps({ state: null });
    expect(card.attributes('data-state')).toBe('');
  });

  it("shows a failed run's error, the fields only when asked, and the page's result", async () => {
    const wrapper = mount(RunProgressCard, {
      props: { texts: 'demo', testid: 'x-run', percent: 10, state: 'failed', run: failedRun, error: 'boom' },
      slots: { result: '<span data-testid="x-after">after</span>' },
      global: { plugins: [i18n()] },
    });
    expect(wrapper.find('[data-testid="x-run-progress-text"]').text()).toBe('运算失败');
    expect(wrapper.find('.el-progress').classes()).toContain('is-exception');
    const result = wrapper.find('[data-testid="x-run-result"]');
    const alert = result.find('.el-alert');
    expect(alert.classes()).toContain('el-alert--error');
    expect(alert.text()).toContain('运算失败');
    expect(alert.text()).toContain('the model is invalid');
    expect(alert.find('li').text()).toBe('unknown item "OLD-1"');
    expect(result.find('[data-testid="x-after"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('boom');

    await wrapper.setProps({ detailFields: true });
    expect(wrapper.find('li').text()).toBe('demands[0].item: unknown item "OLD-1"');

    await wrapper.setProps({ run: { status: 'succeeded', error: null }, error: null });
    expect(wrapper.find('[data-testid="x-run-result"] .el-alert').exists()).toBe(false);
    expect(wrapper.find('[data-testid="x-after"]').exists()).toBe(true);
    expect(wrapper.text()).not.toContain('boom');
  });
});
