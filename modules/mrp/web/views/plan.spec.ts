import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Component } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse, type FakeCall } from '@mes/web-core/testing';
import type { MrpPlannedOrderDetail, MrpPlannedOrderView } from '@mes/shared';
import { messages } from '../locales';
import { pageMessages } from '../locales/pages';
import Plan from './plan.vue';
import PegPanel from './peg-panel.vue';

const ui = vi.hoisted(() => ({
  notify: { success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() },
  confirmDialog: vi.fn(() => Promise.resolve(true)),
}));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), ...ui }));

const order = (over: Partial<MrpPlannedOrderView>): MrpPlannedOrderView => ({
  id: 'p1',
  runId: 'run1',
  itemCode: 'DRL-13',
  itemName: '冲击电钻',
  unit: '个',
  kind: 'make',
  qty: '72',
  release: '2099-12-19',
  due: '2099-12-21',
  status: 'planned',
  firmedKind: null,
  firmedRef: null,
  peggedQty: '72',
  ...over,
});

const orders = [
  order({}),
  order({ id: 'p2', itemCode: 'WIR-CU05', kind: 'buy', release: '2000-01-01', qty: '12.5' }),
  order({
    id: 'p3',
    itemCode: 'SCREW',
    kind: 'buy',
    status: 'firmed',
    firmedKind: 'purchase_order',
    firmedRef: 'PO9',
    release: '2000-01-01',
  }),
];

async function mountWith(component: Component, handler: (call: FakeCall) => Response, props = {}) {
  const fake = createFakeFetch(handler);
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/mrp/plan', component: { template: '<div />' } },
      { path: '/mrp/forecasts', component: { template: '<div />' } },
      { path: '/orders/sales-orders/:id', component: { template: '<div />' } },
    ],
  });
  await router.push('/mrp/plan?itemCode=DRL-13');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions: ['mrp:read', 'mrp:firm'] });
  const wrapper = mount(component, {
    props,
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  // The filter bar, pager and tags of web-core load on first use.
  await vi.dynamicImportSettled();
  await flushPromises();
  return { wrapper, fake, router };
}

describe('planned orders page', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it('lists the plan filtered by the item of the URL, highlights past-due releases, firms the selection', async () => {
    const { wrapper, fake } = await mountWith(Plan, (call) => {
      if (call.method === 'POST')
        return jsonResponse(200, {
          orders: [order({ status: 'firmed' }), order({ id: 'p2', status: 'firmed' })],
          purchaseOrders: [{ id: 'po1', no: 'PO20261121-0001', supplierCode: 'S-JLXC' }],
          requisitions: [],
          workOrderRequests: [{ id: 'w1', no: 'WR20261121-0001', itemCode: 'DRL-13', qty: '72' }],
        });
      return jsonResponse(200, { items: orders, total: 3, runId: 'run1' });
    });
    expect(fake.calls[0]?.url).toBe('/api/v1/mrp/planned-orders?page=1&pageSize=20&itemCode=DRL-13');
    expect(wrapper.find('[data-testid="plan-total"]').attributes('data-total')).toBe('3');
    const rows = wrapper.findAll('.el-table__body-wrapper tr.el-table__row');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.classes().includes('mrp-row--past-due'))).toEqual([false, true, false]);
    expect(rows[1]!.find('[data-testid="plan-past-due"]').exists()).toBe(true);
    expect(rows[2]!.text()).toContain('采购订单');
    expect(rows[2]!.text()).toContain('PO9');

    const firm = () => wrapper.get('[data-testid="plan-firm"]');
    expect(firm().attributes('disabled')).toBeDefined();
    const table = wrapper.getComponent({ name: 'ElTable' });
    (table.vm as unknown as { toggleRowSelection: (row: unknown, on: boolean) => void }).toggleRowSelection(
      orders[0],
      true,
    );
    (table.vm as unknown as { toggleRowSelection: (row: unknown, on: boolean) => void }).toggleRowSelection(
      orders[1],
      true,
    );
    await flushPromises();
    expect(firm().attributes('disabled')).toBeUndefined();
    await firm().trigger('click');
    await flushPromises();
    expect(ui.confirmDialog).toHaveBeenCalledTimes(1);
    const post = fake.calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/v1/mrp/planned-orders/firm');
    expect(post?.body).toEqual({ ids: ['p1', 'p2'] });
    expect(ui.notify.success).toHaveBeenCalledWith('已下达 2 条计划订单');
    const result = wrapper.get('[data-testid="plan-firm-result"]').text();
    expect(result).toContain('采购订单：PO20261121-0001');
    expect(result).toContain('生产需求：WR20261121-0001');
  });

  it('says so when a newer run replaced the plan', async () => {
    const { wrapper } = await mountWith(Plan, (call) =>
      call.method === 'POST'
        ? jsonResponse(409, { code: 'PLAN_SUPERSEDED', message: 'superseded' })
        : jsonResponse(200, { items: orders, total: 3, runId: 'run1' }),
    );
    const table = wrapper.getComponent({ name: 'ElTable' });
    (table.vm as unknown as { toggleRowSelection: (row: unknown, on: boolean) => void }).toggleRowSelection(
      orders[0],
      true,
    );
    await flushPromises();
    await wrapper.get('[data-testid="plan-firm"]').trigger('click');
    await flushPromises();
    expect(ui.notify.warning).toHaveBeenCalledWith('计划已被新的运算替换，请刷新后重新选择');
    expect(wrapper.find('[data-testid="plan-firm-result"]').exists()).toBe(false);
  });

  it('shows that there is no plan yet', async () => {
    const { wrapper } = await mountWith(Plan, () => jsonResponse(200, { items: [], total: 0, runId: null }));
    expect(wrapper.find('[data-testid="plan-none"]').exists()).toBe(true);
  });
});

describe('pegging panel', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('drills each peg to its sales order line and customer, with the lot-size rest', async () => {
    const detail: MrpPlannedOrderDetail = {
      ...order({ qty: '100', peggedQty: '72' }),
      pegs: [
        {
          demandRef: 'SO20261121-0001/2',
          qty: '60',
          demand: {
            ref: 'SO20261121-0001/2',
            source: 'sales_order',
            itemCode: 'DRL-13',
            qty: '60',
            due: '2099-12-21',
            orderId: 'so1',
            orderNo: 'SO20261121-0001',
            lineNo: 2,
            customerCode: 'C-NBWJ',
            customerName: '宁波五金',
            forecastId: null,
          },
        },
        { demandRef: 'FC:f1', qty: '12', demand: null },
      ],
    };
    const { wrapper, fake, router } = await mountWith(PegPanel, () => jsonResponse(200, detail), {
      orderId: 'p1',
    });
    expect(fake.calls[0]?.url).toBe('/api/v1/mrp/planned-orders/p1');
    const pegs = wrapper.findAll('[data-testid="peg-row"]');
    expect(pegs).toHaveLength(2);
    expect(pegs[0]!.text()).toContain('销售订单');
    expect(pegs[0]!.text()).toContain('SO20261121-0001');
    expect(pegs[0]!.text()).toContain('第 2 行');
    expect(wrapper.text()).toContain('C-NBWJ 宁波五金');
    expect(pegs[1]!.text()).toContain('未知需求');
    expect(wrapper.get('[data-testid="peg-excess"]').text()).toContain('28');
    await wrapper.get('[data-testid="peg-link-SO20261121-0001/2"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/orders/sales-orders/so1');
  });
});
