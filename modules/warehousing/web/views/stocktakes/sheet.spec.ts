import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import type { StocktakeView } from '@mes/shared';
import { messages } from '../../locales';
import { pageMessages } from '../../locales/pages';
import SheetPage from './sheet.vue';

const ui = vi.hoisted(() => ({
  notify: { success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() },
  confirmDialog: vi.fn<(text: unknown, title: string, options?: unknown) => Promise<boolean>>(() =>
    Promise.resolve(true),
  ),
}));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), ...ui }));

const line = (id: string, itemCode: string, frozenQty: string, countedQty: string | null = null) => ({
  id,
  itemCode,
  itemName: itemCode,
  locationCode: 'B-01',
  lot: null,
  frozenQty,
  countedQty,
  variance: countedQty === null ? null : String(Number(countedQty) - Number(frozenQty)),
  countedBy: null,
  countedAt: null,
});

const sheet = (
  lines: StocktakeView['lines'],
  status: StocktakeView['status'] = 'counting',
): StocktakeView => ({
  id: 's1',
  no: 'PD20261121-0001',
  warehouseCode: 'WH-RM',
  locationCode: 'B-01',
  status,
  note: '',
  lineCount: lines.length,
  countedCount: lines.filter((l) => l.countedQty !== null).length,
  lines,
  createdAt: '2026-11-21T08:00:00Z',
  postedAt: null,
  postedDocNo: status === 'posted' ? 'TZ20261121-0001' : null,
});

async function mountSheet(handler: Parameters<typeof createFakeFetch>[0]) {
  const fake = createFakeFetch(handler);
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/warehousing/stocktakes/:id', component: SheetPage, props: true }],
  });
  await router.push('/warehousing/stocktakes/s1');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions: ['warehousing:stocktake'] });
  const wrapper = mount(SheetPage, { props: { id: 's1' }, global: { plugins: [pinia, i18n, router] } });
  await flushPromises();
  return { wrapper, fake };
}

describe('stocktake sheet page', () => {
  afterEach(() => {
    sessionTokens.clear();
  });

  it('sends the typed counts that changed, highlights a loss, and posts after the confirmation', async () => {
    let current = sheet([line('l1', 'BRG-608', '1800'), line('l2', 'BRG-6201', '1200')]);
    const { wrapper, fake } = await mountSheet((call) => {
      if (call.method === 'POST' && call.url.endsWith('/counts')) {
        current = sheet([line('l1', 'BRG-608', '1800', '1790'), line('l2', 'BRG-6201', '1200')]);
        return jsonResponse(201, current);
      }
      if (call.method === 'POST' && call.url.endsWith('/post')) {
        current = sheet(current.lines, 'posted');
        return jsonResponse(201, current);
      }
      return jsonResponse(200, current);
    });
    const inputs = wrapper.findAll('.el-table__body input');
    expect(inputs).toHaveLength(2);
    await inputs[1]?.setValue('-3');
    expect(wrapper.text()).toContain('实盘数须为 0 或正数');
    await inputs[1]?.setValue('');
    await inputs[0]?.setValue('1790');
    await wrapper.find('[data-testid="stocktake-save-counts"]').trigger('click');
    await flushPromises();

    const counts = fake.calls.find((c) => c.url.endsWith('/counts'));
    expect(counts?.body).toEqual({ counts: [{ lineId: 'l1', countedQty: '1790' }] });
    expect(counts?.headers['idempotency-key']).toBeTruthy();
    const loss = wrapper.find('.el-table__body .wh-neg');
    expect(loss.text()).toBe('-10');
    expect(wrapper.text()).toContain('盘亏');

    await wrapper.find('[data-testid="stocktake-post"]').trigger('click');
    await flushPromises();
    expect(ui.confirmDialog).toHaveBeenCalledTimes(1);
    expect(String(ui.confirmDialog.mock.calls[0]?.[0])).toContain('还有 1 行未盘点');
    expect(
      fake.calls.some((c) => c.method === 'POST' && c.url === '/api/v1/warehousing/stocktakes/s1/post'),
    ).toBe(true);
    expect(wrapper.find('[data-testid="stocktake-status"]').text()).toBe('已过账');
    expect(wrapper.find('[data-testid="stocktake-post"]').exists()).toBe(false);
  });

  it('does not post when the confirmation is declined', async () => {
    ui.confirmDialog.mockResolvedValueOnce(false);
    const { wrapper, fake } = await mountSheet(() => jsonResponse(200, sheet([line('l1', 'A', '1', '1')])));
    await wrapper.find('[data-testid="stocktake-post"]').trigger('click');
    await flushPromises();
    expect(fake.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
