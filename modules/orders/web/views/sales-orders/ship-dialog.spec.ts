import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { SalesOrderLineView, SalesOrderView } from '@mes/shared';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens } from '@mes/web-core';
import { createFakeFetch, jsonResponse, type FakeCall } from '@mes/web-core/testing';
import { messages } from '../../locales';
import { pageMessages } from '../../locales/pages';
import ShipDialog from './ship-dialog.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const line = (over: Partial<SalesOrderLineView>): SalesOrderLineView => ({
  id: 'l1',
  lineNo: 1,
  itemCode: 'DRILL',
  itemName: '充电钻',
  unit: '台',
  makeOrBuy: 'make',
  qty: '10',
  unitPrice: '1',
  amount: '10.00',
  dueDate: null,
  note: '',
  reserved: '2',
  inProduction: '0',
  shipped: '4',
  returned: '0',
  toShip: '6',
  ...over,
});

const order: SalesOrderView = {
  id: 'o1',
  no: 'SO20261121-0001',
  customerCode: 'C-001',
  customerName: '华东五金',
  customerPo: '',
  status: 'partially_shipped',
  orderDate: '2026-11-21',
  dueDate: null,
  total: '10.00',
  lineCount: 2,
  createdAt: '2026-11-21T00:00:00.000Z',
  consigneeName: '王经理',
  consigneePhone: '',
  consigneeAddress: '',
  warehouseCode: null,
  note: '',
  confirmedAt: null,
  closedAt: null,
  updatedAt: '2026-11-21T00:00:00.000Z',
  lines: [line({}), line({ id: 'l2', lineNo: 2, itemCode: 'BATT', toShip: '0', shipped: '10' })],
};

async function mountDialog(answer: (call: FakeCall) => Response) {
  const fake = createFakeFetch((call) =>
    call.url.includes('/master-data/warehouses')
      ? jsonResponse(200, { items: [{ code: 'FG', name: '成品仓' }], total: 1 })
      : answer(call),
  );
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const wrapper = mount(ShipDialog, {
    props: { order, modelValue: false },
    global: { plugins: [createPinia(), i18n] },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return { wrapper, calls: fake.calls };
}

const el = (selector: string) => document.querySelector(selector);
const input = (testid: string) => document.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`);
const button = (testid: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`);
/** The form item around the quantity of line 1 is marked as an error (its message is a transition). */
const qtyMarked = () =>
  el('[data-testid="ship-qty-1"]')?.closest('.el-form-item')?.classList.contains('is-error');

async function typeQty(value: string) {
  const qty = input('ship-qty-1');
  if (!qty) throw new Error('no qty input');
  qty.value = value;
  qty.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('ship dialog', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it('proposes the open quantity of each line, refuses more, and ships with an Idempotency-Key', async () => {
    const { wrapper, calls } = await mountDialog(() =>
      jsonResponse(201, { id: 's1', no: 'FH20261121-0001' }),
    );
    expect(el('[data-testid="ship-qty-2"]')).toBeNull();
    expect(input('ship-qty-1')?.value).toBe('6');

    expect(qtyMarked()).toBe(false);
    await typeQty('7');
    expect(qtyMarked()).toBe(true);
    expect(button('ship-submit')?.disabled).toBe(true);

    await typeQty('5');
    expect(qtyMarked()).toBe(false);
    button('ship-submit')?.click();
    await flushPromises();
    const post = calls.find((c) => c.method === 'POST');
    expect(post).toMatchObject({
      url: '/api/v1/orders/sales-orders/o1/shipments',
      body: { lines: [{ lineNo: 1, qty: '5' }] },
    });
    expect(post?.headers['idempotency-key']).toMatch(/.+/);
    expect(wrapper.emitted('shipped')?.[0]).toEqual([{ id: 's1', no: 'FH20261121-0001' }]);
    expect(notify.success).toHaveBeenCalledWith('已发货，发货单 FH20261121-0001');
  });

  it('shows a shortage from the API in the dialog and on the line', async () => {
    await mountDialog(() =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'INSUFFICIENT_STOCK',
        message: '库存不足 / insufficient stock',
        details: [{ field: 'lines[0].qty', message: 'DRILL@FG: requested 6, available 2' }],
      }),
    );
    button('ship-submit')?.click();
    await flushPromises();
    expect(el('[data-testid="ship-error"]')?.textContent).toContain('库存不足');
    expect(qtyMarked()).toBe(true);
  });
});
