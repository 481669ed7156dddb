import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens } from '@mes/web-core';
import { createFakeFetch, jsonResponse, type FakeCall } from '@mes/web-core/testing';
import { messages } from '../../locales';
import { pageMessages } from '../../locales/pages';
import { resetWarehouses } from '../../components/use-warehouses';
import ScanTask from './scan-task.vue';

const warehouses = {
  items: [
    {
      id: 'w1',
      code: 'WH-RM',
      name: '原料仓',
      address: '',
      allowNegativeStock: false,
      locations: [{ id: 'l1', code: 'B-01', name: 'B 区' }],
      createdAt: '',
    },
  ],
  total: 1,
};
const bearing = {
  id: 'i1',
  code: 'BRG-608',
  name: '深沟球轴承 608',
  baseUnit: 'pcs',
  lotTracked: false,
  defaultWarehouseCode: 'WH-RM',
};

type PostAnswer = (call: FakeCall) => Response | Promise<Response>;

async function mountTask(task: 'receive' | 'issue', onPost: PostAnswer) {
  const fake = createFakeFetch((call) => {
    if (call.url === '/api/v1/master-data/warehouses') return jsonResponse(200, warehouses);
    if (call.url.startsWith('/api/v1/master-data/barcodes/lookup')) {
      const code = new URL(call.url, 'http://x').searchParams.get('code');
      if (code === 'L:WH-RM/B-01')
        return jsonResponse(200, {
          kind: 'location',
          scanned: code,
          location: { id: 'l1', code: 'B-01', name: 'B 区', warehouseCode: 'WH-RM', warehouseName: '原料仓' },
        });
      if (code === 'BRG-608') return jsonResponse(200, { kind: 'item', scanned: code, item: bearing });
      return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: `条码 ${code} / barcode` });
    }
    if (call.method === 'POST' && call.url === '/api/v1/warehousing/movements') return onPost(call);
    return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no' });
  });
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/warehousing/mobile/:task', component: ScanTask },
      { path: '/warehousing/mobile', component: { template: '<p />' } },
    ],
  });
  await router.push(`/warehousing/mobile/${task}`);
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const wrapper = mount(ScanTask, {
    props: { task },
    global: { plugins: [createPinia(), i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  const scan = async (code: string) => {
    await wrapper.find('input[data-testid="mobile-scan-input"]').setValue(`${code}\r`);
    await wrapper.find('[data-testid="mobile-scan"]').trigger('submit');
    await flushPromises();
  };
  const press = async (keys: string) => {
    for (const k of keys)
      await wrapper.find(`[data-testid="qty-key-${k === '.' ? 'dot' : k}"]`).trigger('click');
  };
  const confirm = async () => {
    await wrapper.find('[data-testid="mobile-confirm"]').trigger('click');
    await flushPromises();
  };
  const posts = () => fake.calls.filter((c) => c.method === 'POST');
  return { wrapper, fake, scan, press, confirm, posts };
}

const posted = (call: FakeCall, docNo: string) =>
  jsonResponse(201, { id: `m-${docNo}`, docNo, ...(call.body as object), movements: [] });

describe('mobile receive page', () => {
  beforeEach(() => {
    resetWarehouses();
  });
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
  });

  it('scans a location and an item, takes the quantity from the keypad and posts a receipt', async () => {
    const { wrapper, scan, press, confirm, posts } = await mountTask('receive', (call) =>
      posted(call, 'RC-0001'),
    );
    await scan('L:WH-RM/B-01');
    expect(wrapper.find('[data-testid="mobile-message"]').text()).toContain('库位 WH-RM/B-01');
    await scan('BRG-608');
    expect(wrapper.find('[data-testid="mobile-item"]').text()).toContain('BRG-608 深沟球轴承 608');
    await press('12.5');
    expect((wrapper.find('input[data-testid="mobile-qty"]').element as HTMLInputElement).value).toBe('12.5');
    await confirm();

    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body).toEqual({
      type: 'receipt',
      itemCode: 'BRG-608',
      warehouseCode: 'WH-RM',
      locationCode: 'B-01',
      qty: '12.5',
    });
    expect(posts()[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrapper.find('[data-testid="mobile-message"]').text()).toContain('已记账 RC-0001');
    expect(wrapper.find('[data-testid="mobile-recent"]').text()).toContain('RC-0001');
    expect(wrapper.find('[data-testid="mobile-recent"]').text()).toContain('12.5 pcs');
    // ready for the next item at the same place
    expect(wrapper.find('[data-testid="mobile-item"]').text()).toContain('请扫描物料或批次');
    expect((wrapper.find('input[data-testid="mobile-qty"]').element as HTMLInputElement).value).toBe('');
    // the scan box has the focus again for the next scan
    expect(document.activeElement?.getAttribute('data-testid')).toBe('mobile-scan-input');
  });

  it('retries a lost answer with the same Idempotency-Key, and a new receipt gets a new one', async () => {
    let n = 0;
    const { wrapper, scan, press, confirm, posts } = await mountTask('receive', (call) => {
      n += 1;
      if (n === 1) throw new TypeError('Failed to fetch');
      return posted(call, `RC-000${n}`);
    });
    await scan('L:WH-RM/B-01');
    await scan('BRG-608');
    await press('5');
    await confirm();
    expect(wrapper.find('[data-testid="mobile-message"]').text()).toContain('不会重复记账');
    expect(wrapper.find('[data-testid="mobile-recent"]').exists()).toBe(false);
    await confirm();
    expect(wrapper.find('[data-testid="mobile-message"]').text()).toContain('已记账 RC-0002');
    const [first, retry] = posts();
    expect(retry?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(retry?.body).toEqual(first?.body);

    await scan('BRG-608');
    await press('5');
    await confirm();
    expect(posts()).toHaveLength(3);
    expect(posts()[2]?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key']);
  });

  it('says what is missing, and an unknown code, without posting', async () => {
    const { wrapper, scan, confirm, posts } = await mountTask('receive', (call) => posted(call, 'X'));
    await confirm();
    expect(wrapper.find('[data-testid="mobile-message"]').text()).toContain('请扫描物料或批次');
    await scan('NOPE-1');
    expect(wrapper.find('[data-testid="mobile-message"]').text()).toContain('未识别的条码「NOPE-1」');
    await scan('BRG-608');
    await confirm();
    expect(wrapper.find('[data-testid="mobile-message"]').text()).toContain('请输入数量');
    expect(posts()).toHaveLength(0);
  });
});

describe('mobile issue page', () => {
  beforeEach(() => {
    resetWarehouses();
  });
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
  });

  it('shows 库存不足 with the available quantity, and the next try gets a new key', async () => {
    const { wrapper, scan, press, confirm, posts } = await mountTask('issue', () =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'INSUFFICIENT_STOCK',
        message: '库存不足 / insufficient stock: BRG-608@WH-RM 需要 5000，可用 1800',
        details: [{ field: 'qty', message: 'BRG-608@WH-RM: requested 5000, available 1800' }],
      }),
    );
    await scan('BRG-608');
    await press('5000');
    await confirm();
    expect(posts()[0]?.body).toMatchObject({
      type: 'issue',
      itemCode: 'BRG-608',
      warehouseCode: 'WH-RM',
      qty: '5000',
    });
    const text = wrapper.find('[data-testid="mobile-message"]').text();
    expect(text).toContain('库存不足');
    expect(text).toContain('可用 1800');
    await confirm();
    expect(posts()[1]?.headers['idempotency-key']).not.toBe(posts()[0]?.headers['idempotency-key']);
  });
});
