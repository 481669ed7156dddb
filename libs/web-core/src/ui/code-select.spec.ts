import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComponentPublicInstance } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import CodeSelect from './code-select.vue';

interface Customer {
  code: string;
  name: string;
  city: string;
}
const HD: Customer = { code: 'C-001', name: '华东五金', city: '上海' };
const HN: Customer = { code: 'C-002', name: '华南机电', city: '广州' };

function mountSelect(props: { search: (query: string) => Promise<Customer[]> } & Record<string, unknown>) {
  return mount(CodeSelect, {
    props: { modelValue: '', ...props },
    attachTo: document.body,
  });
}
/** The Element Plus select inside: what it emits and which remote method it calls. */
const select = (wrapper: ReturnType<typeof mountSelect>) => {
  const inner = wrapper.findComponent({ name: 'ElSelect' });
  return {
    emit: (event: string, ...args: unknown[]) => {
      (inner.vm as ComponentPublicInstance).$emit(event, ...args);
    },
    remote: inner.props('remoteMethod') as (query: string) => void,
  };
};
const option = (testid: string) => document.querySelector(`[data-testid="${testid}"]`);

describe('CodeSelect', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the name of the current code before any search, and searches on first open', async () => {
    const search = vi.fn(() => Promise.resolve([HN]));
    const wrapper = mountSelect({ modelValue: 'C-001', label: '华东五金', search, testid: 'customer' });
    await flushPromises();
    expect(search).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="customer"]').exists()).toBe(true);
    expect(option('customer-option-C-001')?.textContent).toContain('华东五金');

    select(wrapper).emit('visible-change', true);
    await flushPromises();
    expect(search).toHaveBeenCalledWith('');
    expect(option('customer-option-C-002')?.textContent).toContain('华南机电');
    // the current value stays offered (with its label) while the results do not hold it
    expect(option('customer-option-C-001')).not.toBeNull();

    select(wrapper).emit('visible-change', true);
    await flushPromises();
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('keeps the answer of the latest search when an earlier one answers late', async () => {
    const answers: Record<string, (r: Customer[]) => void> = {};
    const search = (q: string) =>
      new Promise<Customer[]>((resolve) => {
        answers[q] = resolve;
      });
    const wrapper = mountSelect({ search, testid: 'customer' });
    const { remote } = select(wrapper);
    remote('华');
    remote('华南');
    answers['华南']?.([HN]);
    await flushPromises();
    answers['华']?.([HD, HN]);
    await flushPromises();
    expect(option('customer-option-C-002')).not.toBeNull();
    expect(option('customer-option-C-001')).toBeNull();
  });

  it('tells the whole record picked, and null when cleared', async () => {
    const wrapper = mountSelect({ search: () => Promise.resolve([HD, HN]) });
    select(wrapper).emit('visible-change', true);
    await flushPromises();
    select(wrapper).emit('change', 'C-002');
    select(wrapper).emit('change', '');
    expect(wrapper.emitted('picked')).toEqual([[HN], [null]]);
  });

  it('names the options with the given prefix, or not at all without a testid', async () => {
    const search = () => Promise.resolve([HD]);
    const named = mountSelect({ search, optionTestid: 'item-option' });
    select(named).emit('visible-change', true);
    await flushPromises();
    expect(option('item-option-C-001')).not.toBeNull();
    named.unmount();
    document.body.innerHTML = '';

    const plain = mountSelect({ search });
    select(plain).emit('visible-change', true);
    await flushPromises();
    expect(document.querySelector('.code-select__code')?.textContent).toBe('C-001');
    expect(document.querySelector('[data-testid]')).toBeNull();
  });
});
