import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import type { RoutingView } from '../../api/routing.api';
import { messages } from '../../locales';
import { pageMessages } from '../../locales/pages';
import RoutingEditor from './editor.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const workCenters = {
  items: [
    { id: 'w1', code: 'CNC-01', name: '数控车床1号', kind: 'machine', status: 'active' },
    { id: 'w2', code: 'CNC-02', name: '数控车床2号', kind: 'machine', status: 'active' },
  ],
  total: 2,
};

const routing: RoutingView = {
  id: 'r1',
  itemCode: 'SHAFT-X',
  itemName: '传动轴',
  version: '1',
  isDefault: false,
  createdAt: '2026-01-05T02:00:00Z',
  operations: [
    {
      seq: 10,
      name: '粗车',
      workCenterCode: 'CNC-01',
      setupMinutes: '30',
      runMinutes: '2',
      queueMinutes: '0',
      moveMinutes: '0',
      skill: '',
      inspectionPoint: false,
      spanBreaks: true,
      sopUrl: '',
      alternatives: [{ workCenterCode: 'CNC-02', runMinutes: '2.5' }],
    },
    {
      seq: 20,
      name: '精车',
      workCenterCode: 'CNC-01',
      setupMinutes: '0',
      runMinutes: '3',
      queueMinutes: '0',
      moveMinutes: '0',
      skill: '',
      inspectionPoint: true,
      spanBreaks: true,
      sopUrl: '',
      alternatives: [],
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
      { path: '/master-data/routings', component: { template: '<div />' } },
      { path: '/master-data/routings/:id', component: RoutingEditor, props: true },
    ],
  });
  await router.push('/master-data/routings/r1');
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions });
  const wrapper = mount(RoutingEditor, {
    props: { id: 'r1' },
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, fake };
}

const answer = (error?: object) => (call: { method: string; url: string }) => {
  if (call.url.includes('/work-centers')) return jsonResponse(200, workCenters);
  if (call.method === 'GET') return jsonResponse(200, routing);
  return error ? jsonResponse(400, error) : jsonResponse(200, routing);
};

describe('routing editor', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
  });

  it('sends the operations with PUT and shows an API error on its operation', async () => {
    const { wrapper, fake } = await mountEditor(
      answer({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'invalid',
        details: [{ field: 'operations[1].workCenterCode', message: 'unknown work center CNC-01' }],
      }),
    );
    expect(wrapper.find('[data-testid="routing-total-run"]').text()).toContain('5 分钟');
    await wrapper.find('[data-testid="routing-save"]').trigger('click');
    await flushPromises();
    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put?.url).toBe('/api/v1/master-data/routings/r1');
    expect(put?.body).toEqual({
      version: '1',
      operations: [
        {
          seq: 10,
          name: '粗车',
          workCenterCode: 'CNC-01',
          setupMinutes: '30',
          runMinutes: '2',
          queueMinutes: '0',
          moveMinutes: '0',
          inspectionPoint: false,
          spanBreaks: true,
          alternatives: [{ workCenterCode: 'CNC-02', runMinutes: '2.5' }],
        },
        {
          seq: 20,
          name: '精车',
          workCenterCode: 'CNC-01',
          setupMinutes: '0',
          runMinutes: '3',
          queueMinutes: '0',
          moveMinutes: '0',
          inspectionPoint: true,
          spanBreaks: true,
          alternatives: [],
        },
      ],
    });
    // The message of an el-form-item comes in with a transition.
    await vi.waitFor(() => {
      expect(wrapper.find('[data-testid="routing-op-1"] .md-op__wc .el-form-item__error').text()).toBe(
        'unknown work center CNC-01',
      );
    });
    expect(wrapper.find('[data-testid="routing-op-0"]').text()).not.toContain('unknown work center');
    expect(notify.success).not.toHaveBeenCalled();
  });

  it('does not send operations that fail the checks', async () => {
    const { wrapper, fake } = await mountEditor(answer());
    await wrapper.find('[data-testid="routing-add-op"]').trigger('click');
    await wrapper.find('[data-testid="routing-save"]').trigger('click');
    await flushPromises();
    expect(fake.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    await vi.waitFor(() => {
      const added = wrapper.find('[data-testid="routing-op-2"]').text();
      expect(added).toContain('请输入工序名称');
      expect(added).toContain('请选择工作中心');
      expect(added).toContain('请输入加工时间');
    });
  });

  it('sets the default and only shows the routing to a reader', async () => {
    const { wrapper, fake } = await mountEditor(answer());
    await wrapper.find('[data-testid="routing-set-default"]').trigger('click');
    await flushPromises();
    expect(fake.calls.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/v1/master-data/routings/r1/default',
    });
    const reader = await mountEditor(answer(), ['master-data:read']);
    expect(reader.wrapper.find('[data-testid="routing-save"]').exists()).toBe(false);
    expect(reader.wrapper.find('[data-testid="routing-add-op"]').exists()).toBe(false);
  });
});
