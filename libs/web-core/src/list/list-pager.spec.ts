import { describe, expect, it, vi } from 'vitest';
import type { ComponentPublicInstance } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createAppI18n } from '../i18n/i18n';
import ListPager from './list-pager.vue';
import { useListPage } from './use-list-page';

describe('ListPager', () => {
  it('reads the page the user picks, and the first page again with a new page size', async () => {
    const fetch = vi.fn((page: number, size: number) =>
      Promise.resolve({ items: [`${page}/${size}`], total: 95 }),
    );
    const list = useListPage(fetch, { errorText: String });
    await list.load();
    const wrapper = mount(ListPager, {
      props: { list },
      attrs: { class: 'so-pagination' },
      global: { plugins: [createAppI18n([], 'zh-CN')] },
    });
    expect(wrapper.classes()).toEqual(['pagination', 'so-pagination']);
    expect(wrapper.text()).toContain('95');
    const pagination = wrapper.findComponent({ name: 'ElPagination' });
    const emit = (event: string, value: number) => {
      (pagination.vm as ComponentPublicInstance).$emit(event, value);
    };

    emit('update:current-page', 3);
    emit('current-change', 3);
    await flushPromises();
    expect(list.page.value).toBe(3);
    expect(fetch).toHaveBeenLastCalledWith(3, 20);

    emit('update:page-size', 50);
    emit('size-change', 50);
    await flushPromises();
    expect(list.page.value).toBe(1);
    expect(fetch).toHaveBeenLastCalledWith(1, 50);
    expect(list.items.value).toEqual(['1/50']);
  });
});
