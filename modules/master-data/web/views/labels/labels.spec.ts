import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { messages } from '../../locales';
import { pageMessages } from '../../locales/pages';
import LabelsPage from './labels.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const item = {
  id: 'i1',
  code: 'DRILL-X',
  name: '电钻',
  spec: '13mm',
  type: 'finished',
  baseUnit: '台',
  barcode: '6901234567892',
  status: 'active',
  defaultWarehouseCode: null,
};

async function mountPage(handler: Parameters<typeof createFakeFetch>[0], path = '/master-data/labels') {
  const fake = createFakeFetch(handler);
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/master-data/labels', component: LabelsPage }],
  });
  await router.push(path);
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions: ['master-data:write'] });
  const wrapper = mount(LabelsPage, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, fake };
}

const rules = { items: [] };

describe('labels page: scan lookup', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
  });

  it('shows the item a scan names, and 未识别的条码 for a 404', async () => {
    const { wrapper, fake } = await mountPage((call) => {
      if (call.url.includes('/label-rules')) return jsonResponse(200, rules);
      if (call.url.includes('code=6901234567892'))
        return jsonResponse(200, { kind: 'item', scanned: '6901234567892', item });
      return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: '条码 X / barcode' });
    });
    const input = wrapper.find('input[data-testid="label-scan-input"]');
    await input.setValue('6901234567892');
    await wrapper.find('[data-testid="label-scan"] form').trigger('submit');
    await flushPromises();
    expect(fake.calls.at(-1)?.url).toBe('/api/v1/master-data/barcodes/lookup?code=6901234567892');
    const card = wrapper.find('[data-testid="label-scan-item"]');
    expect(card.text()).toContain('DRILL-X');
    expect(card.text()).toContain('电钻');
    expect(card.text()).toContain('成品');

    await input.setValue('NOPE-1');
    await wrapper.find('[data-testid="label-scan"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="label-scan-item"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="label-scan-unknown"]').text()).toContain('未识别的条码「NOPE-1」');
    expect(notify.error).not.toHaveBeenCalled();
  });

  it('shows a lot and carries its ITEM/LOT reference over to 打印标签', async () => {
    const lot = {
      id: 'l1',
      itemCode: 'WIR-CU05',
      itemName: '漆包线',
      lotNo: '20261121-01',
      supplierLot: 'SUP-778',
      supplierCode: null,
      manufacturedOn: '2026-11-20',
      expiresOn: null,
      note: '',
      createdAt: '2026-11-21T02:00:00Z',
    };
    const { wrapper } = await mountPage((call) =>
      call.url.includes('/label-rules')
        ? jsonResponse(200, rules)
        : jsonResponse(200, { kind: 'lot', scanned: 'B:WIR-CU05/20261121-01', lot }),
    );
    await wrapper.find('input[data-testid="label-scan-input"]').setValue('B:WIR-CU05/20261121-01');
    await wrapper.find('[data-testid="label-scan"] form').trigger('submit');
    await flushPromises();
    const card = wrapper.find('[data-testid="label-scan-lot"]');
    expect(card.text()).toContain('20261121-01');
    expect(card.text()).toContain('SUP-778');
    await wrapper.find('[data-testid="label-scan-print"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="label-target-lot"]').classes()).toContain('is-active');
    expect(wrapper.findAll('[data-testid="label-codes"] .el-tag').map((t) => t.text())).toEqual([
      'WIR-CU05/20261121-01',
    ]);
  });

  it('takes the target and the codes of the list selection from the query', async () => {
    const { wrapper } = await mountPage(
      () => jsonResponse(200, rules),
      '/master-data/labels?target=location&codes=WH-RM%2FA-01,WH-RM%2FA-02',
    );
    expect(wrapper.text()).toContain('已带入列表中选中的 2 个编码');
    expect(wrapper.findAll('[data-testid="label-codes"] .el-tag').map((t) => t.text())).toEqual([
      'WH-RM/A-01',
      'WH-RM/A-02',
    ]);
  });
});
