import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../i18n/i18n';
import { statusOption, type StatusOption } from './status-option';
import StatusTag from './status-tag.vue';

const OPTIONS: StatusOption<'open' | 'done'>[] = [
  { value: 'open', labelKey: 'demo.open', tagType: 'warning' },
  { value: 'done', labelKey: 'demo.done', tagType: 'success' },
];

describe('status options and tags', () => {
  it('find the option of a status; an unknown one is a grey tag of itself', () => {
    expect(statusOption(OPTIONS, 'done')).toBe(OPTIONS[1]);
    expect(statusOption(OPTIONS, 'weird')).toEqual({ value: 'weird', labelKey: 'weird', tagType: 'info' });
  });

  it('show the label in the colour of the status', () => {
    const i18n = createAppI18n(
      [
        {
          'zh-CN': { demo: { open: '待处理', done: '已完成' } },
          'en-US': { demo: { open: 'Open', done: 'Done' } },
        },
      ],
      'zh-CN',
    );
    const wrapper = mount(StatusTag, {
      props: { options: OPTIONS, value: 'open' },
      attrs: { 'data-testid': 'status-open' },
      global: { plugins: [i18n] },
    });
    expect(wrapper.find('[data-testid="status-open"]').text()).toBe('待处理');
    const tag = wrapper.find('.el-tag');
    expect(tag.classes()).toContain('el-tag--warning');
    expect(tag.classes()).toContain('el-tag--light');
  });
});
