import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import type { PurchaseOrderView } from '@mes/shared';
import { messages } from '../../locales';
import OrderDetail from './detail.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const approved: PurchaseOrderView = {
  id: 'po1',
  no: 'PO20261121-0001',
  supplierCode: 'SUP1',
  supplierName: '华东五金',
  buyerCode: null,
  buyerName: null,
  status: 'approved',
  orderDate: '2026-11-21',
  expectedDate: null,
  warehouseCode: 'WH1',
  tolerancePercent: '0',
  currency: 'CNY',
  totalAmount: '35.00',
  note: '',
  createdAt: '2026-11-21T01:00:00Z',
  updatedAt: '2026-11-21T01:00:00Z',
  approvedAt: '2026-11-21T01:10:00Z',
  closedAt: null,
  lines: [
    {
      lineNo: 1,
      itemCode: 'SCREW',
      itemName: '螺钉',
      unit: '个',
      qty: '1000',
      unitPrice: '0.035',
      amount: '35.00',
      dueDate: null,
      receivedQty: '0',
      returnedQty: '0',
      outstandingQty: '1000',
      inspectionRequired: false,
      lotTracked: false,
      note: '',
    },
  ],
};

const warehouses = {
  items: [
    {
      id: 'w1',
      code: 'WH1',
      name: '原材料仓',
      address: '',
      allowNegativeStock: false,
      locations: [],
      createdAt: '',
    },
  ],
  total: 1,
};

async function mountDetail(handler: Parameters<typeof createFakeFetch>[0], permissions: string[]) {
  const fake = createFakeFetch((call) => {
    if (call.method === 'GET' && call.url.startsWith('/api/v1/purchasing/receipts'))
      return jsonResponse(200, { items: [], total: 0 });
    if (call.method === 'GET' && call.url.startsWith('/api/v1/master-data/warehouses'))
      return jsonResponse(200, warehouses);
    return handler(call);
  });
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/purchasing/orders', component: { template: '<div />' } },
      { path: '/purchasing/orders/:id', component: OrderDetail, props: true },
    ],
  });
  await router.push('/purchasing/orders/po1');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions });
  const wrapper = mount(OrderDetail, {
    props: { id: 'po1' },
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, fake };
}

const ALL = ['purchasing:read', 'purchasing:write', 'purchasing:approve', 'purchasing:receive'];

describe('purchase order detail', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
    vi.clearAllMocks();
  });

  it('shows the status and only the actions the status and the permissions allow', async () => {
    const { wrapper } = await mountDetail(
      () => jsonResponse(200, approved),
      ['purchasing:read', 'purchasing:receive'],
    );
    expect(wrapper.find('[data-testid="order-status"]').text()).toBe('已审核');
    expect(wrapper.find('[data-testid="order-receive"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="order-print"]').exists()).toBe(true);
    for (const hidden of ['order-approve', 'order-edit', 'order-close', 'order-cancel', 'order-return'])
      expect(wrapper.find(`[data-testid="${hidden}"]`).exists()).toBe(false);
    const all = await mountDetail(() => jsonResponse(200, approved), ALL);
    expect(all.wrapper.find('[data-testid="order-close"]').exists()).toBe(true);
    expect(all.wrapper.find('[data-testid="order-cancel"]').exists()).toBe(true);
    expect(all.wrapper.find('[data-testid="order-approve"]').exists()).toBe(false);
  });

  it('receives the outstanding quantity with an Idempotency-Key and shows an over-receipt', async () => {
    let over = true;
    const { wrapper, fake } = await mountDetail((call) => {
      if (call.method === 'POST' && over)
        return jsonResponse(409, {
          statusCode: 409,
          code: 'OVER_RECEIPT',
          message:
            '超出订单可收数量：第 1 行 SCREW 本次 1200，最多还可收 1000 / receipt exceeds the order: line 1 SCREW receiving 1200, at most 1000',
          details: [
            {
              field: 'lines[0].qty',
              message:
                '第 1 行 SCREW：本次 1200，最多还可收 1000 / line 1 (SCREW): receiving 1200, at most 1000 allowed',
            },
          ],
        });
      if (call.method === 'POST')
        return jsonResponse(201, { id: 'r1', no: 'SH20261121-0001', kind: 'receipt', lines: [] });
      return jsonResponse(200, approved);
    }, ALL);
    await wrapper.find('[data-testid="order-receive"]').trigger('click');
    await flushPromises();
    const qty = document.querySelector<HTMLInputElement>('input[data-testid="receipt-qty-0"]');
    expect(qty?.value).toBe('1000');
    qty!.value = '1200';
    qty!.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector<HTMLButtonElement>('[data-testid="receipt-submit"]')!.click();
    await flushPromises();
    const first = fake.calls.find((c) => c.method === 'POST');
    expect(first).toMatchObject({
      url: '/api/v1/purchasing/orders/po1/receipts',
      body: { warehouseCode: 'WH1', lines: [{ lineNo: 1, qty: '1200' }] },
      headers: { 'idempotency-key': expect.any(String) },
    });
    expect(document.querySelector('[data-testid="receipt-error"]')?.textContent).toBe(
      '超出订单可收数量：第 1 行 SCREW 本次 1200，最多还可收 1000',
    );
    // The line's own message shows under its quantity, in the UI language.
    expect(document.querySelector('.purchasing__cell-error')?.textContent).toBe(
      '第 1 行 SCREW：本次 1200，最多还可收 1000',
    );

    over = false;
    qty!.value = '600';
    qty!.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector<HTMLButtonElement>('[data-testid="receipt-submit"]')!.click();
    await flushPromises();
    const posts = fake.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body).toEqual({ warehouseCode: 'WH1', lines: [{ lineNo: 1, qty: '600' }] });
    expect(posts[1]?.headers['idempotency-key']).not.toBe(posts[0]?.headers['idempotency-key']);
    expect(notify.success).toHaveBeenCalledWith('已收货，收货单 SH20261121-0001');
  });
});
