import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import type { BomView } from '../../api/bom.api';
import { messages } from '../../locales';
import BomEditor from './editor.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const motorBom: BomView = {
  id: 'b2',
  itemCode: 'MOTOR-X',
  itemName: '电机',
  version: 'V1',
  isDefault: true,
  status: 'active',
  orderRef: null,
  createdAt: '2026-01-05T02:00:00Z',
  lines: [
    {
      id: 'l1',
      seq: 10,
      itemCode: 'COIL-X',
      itemName: '线圈',
      unit: '个',
      qtyPer: '2',
      scrapRate: '0',
      operationSeq: null,
      validFrom: null,
      validTo: null,
    },
    {
      id: 'l2',
      seq: 20,
      itemCode: 'DRILL-X',
      itemName: '电钻',
      unit: '个',
      qtyPer: '1',
      scrapRate: '0',
      operationSeq: null,
      validFrom: null,
      validTo: null,
    },
  ],
};

async function mountEditor(
  handler: Parameters<typeof createFakeFetch>[0],
  permissions = ['master-data:write'],
) {
  const fake = createFakeFetch(handler);
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/master-data/boms', component: { template: '<div />' } },
      { path: '/master-data/boms/:id', component: BomEditor, props: true },
    ],
  });
  await router.push('/master-data/boms/b2');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions });
  const wrapper = mount(BomEditor, {
    props: { id: 'b2' },
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, fake };
}

describe('BOM editor', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
  });

  it('shows a 409 BOM_CYCLE as the closed cycle and marks the lines in it', async () => {
    const { wrapper, fake } = await mountEditor((call) => {
      if (call.method === 'GET') return jsonResponse(200, motorBom);
      return jsonResponse(409, {
        statusCode: 409,
        code: 'BOM_CYCLE',
        message: 'BOM 存在循环引用 / The BOM would contain a cycle',
        details: [
          { field: 'lines', message: 'MOTOR-X' },
          { field: 'lines', message: 'DRILL-X' },
        ],
      });
    });
    expect(wrapper.find('[data-testid="bom-cycle"]').exists()).toBe(false);

    await wrapper.find('[data-testid="bom-save"]').trigger('click');
    await flushPromises();

    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put?.url).toBe('/api/v1/master-data/boms/b2');
    expect(put?.body).toEqual({
      version: 'V1',
      lines: [
        { itemCode: 'COIL-X', qtyPer: '2', scrapRate: '0', validFrom: null, validTo: null },
        { itemCode: 'DRILL-X', qtyPer: '1', scrapRate: '0', validFrom: null, validTo: null },
      ],
    });
    const alert = wrapper.find('[data-testid="bom-cycle"]');
    expect(alert.exists()).toBe(true);
    expect(alert.text()).toContain('MOTOR-X → DRILL-X → MOTOR-X');
    const rows = wrapper.findAll('[data-testid="bom-lines"] tbody tr');
    expect(rows.map((r) => r.classes().includes('md-bom-line--cycle'))).toEqual([false, true]);
    expect(notify.success).not.toHaveBeenCalled();
  });

  it('does not send lines that fail the checks', async () => {
    const bad = { ...motorBom, lines: [{ ...motorBom.lines[0]!, qtyPer: '0' }] };
    const { wrapper, fake } = await mountEditor(() => jsonResponse(200, bad));
    await wrapper.find('[data-testid="bom-save"]').trigger('click');
    await flushPromises();
    expect(fake.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(wrapper.text()).toContain('用量须为大于 0 的数字');
  });

  it('only shows the BOM to a user without master-data:write', async () => {
    const { wrapper } = await mountEditor(() => jsonResponse(200, motorBom), ['master-data:read']);
    expect(wrapper.find('[data-testid="bom-save"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="bom-add-line"]').exists()).toBe(false);
    const qty = wrapper.find<HTMLInputElement>('input[data-testid="bom-line-qty-0"]');
    expect(qty.element.value).toBe('2');
    expect(qty.element.disabled).toBe(true);
  });
});
