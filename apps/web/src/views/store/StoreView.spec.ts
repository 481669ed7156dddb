import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { VNode } from 'vue';
import type { SubscriptionView } from '@mes/shared';
import { useAuthStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { buildMenu } from '../../menu/build-menu';
import StoreView from './StoreView.vue';
import { catalogFixture } from '../../testing/catalog-fixture';
import { appPlugins } from '../../testing/mount-helpers';

const dialogs = vi.hoisted(() => ({
  confirmDialog: vi.fn<(message: unknown, title: string) => Promise<boolean>>(),
  choiceDialog: vi.fn<(message: unknown, title: string) => Promise<'confirm' | 'cancel' | 'close'>>(),
  alertDialog: vi.fn<(message: unknown, title: string) => Promise<void>>(),
  notify: { success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() },
}));
// Hoisted above the imports: StoreView and its composable see these dialogs.
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), ...dialogs }));

/** Text of a dialog message (a string or the VNode tree the view builds). */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  const v = node as VNode;
  if (Array.isArray(v.children)) return v.children.map(textOf).join('\n');
  return typeof v.children === 'string' ? v.children : '';
}

/** The API of one tenant: catalog, subscriptions with dependency rules, /auth/me. */
function fakeTenantApi(initiallyActive: string[]) {
  const active = new Set(initiallyActive);
  const sub = (moduleKey: string): SubscriptionView => ({
    moduleKey,
    status: 'active',
    startedAt: '2026-01-05T02:00:00Z',
    endsAt: null,
    priceWan: catalogFixture.find((m) => m.key === moduleKey)?.priceWan ?? null,
  });
  const fake = createFakeFetch((call) => {
    const route = `${call.method} ${call.url.replace('/api/v1', '')}`;
    if (route === 'GET /catalog/modules') return jsonResponse(200, { items: catalogFixture });
    if (route === 'GET /subscriptions') return jsonResponse(200, { items: [...active].map(sub) });
    if (route === 'GET /auth/me') {
      return jsonResponse(200, {
        user: { id: 'u1', email: 'admin@demo.test', name: '管理员' },
        tenant: { id: 't1', slug: 'demo', name: '演示工厂' },
        roles: ['tenant_admin'],
        permissions: ['subscriptions:write'],
        modules: ['master-data', ...active],
        tenants: [{ id: 't1', slug: 'demo', name: '演示工厂', roles: ['tenant_admin'] }],
      });
    }
    if (route === 'POST /subscriptions') {
      const { moduleKey, withDependencies } = call.body as { moduleKey: string; withDependencies?: boolean };
      const needed: string[] = [];
      const visit = (key: string) => {
        for (const dep of catalogFixture.find((m) => m.key === key)?.dependsOn ?? []) {
          if (!active.has(dep) && !needed.includes(dep)) {
            visit(dep);
            needed.push(dep);
          }
        }
      };
      visit(moduleKey);
      if (needed.length && !withDependencies) {
        return jsonResponse(409, {
          statusCode: 409,
          code: 'MODULE_DEPENDENCY_MISSING',
          message: 'missing',
          details: needed.map((k) => ({ field: 'dependsOn', message: k })),
        });
      }
      for (const k of [...needed, moduleKey]) active.add(k);
      return jsonResponse(201, { items: [...needed, moduleKey].map(sub) });
    }
    const del = /^DELETE \/subscriptions\/(.+)$/.exec(route);
    if (del?.[1]) {
      const key = del[1];
      const dependents = catalogFixture
        .filter((m) => active.has(m.key) && m.dependsOn.includes(key))
        .map((m) => m.key);
      if (dependents.length) {
        return jsonResponse(409, {
          statusCode: 409,
          code: 'MODULE_REQUIRED_BY_OTHERS',
          message: 'needed',
          details: dependents.map((k) => ({ field: 'dependents', message: k })),
        });
      }
      active.delete(key);
      return new Response(null, { status: 204 });
    }
    return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: route });
  });
  return { ...fake, active };
}

async function mountStore(initiallyActive: string[]) {
  const api = fakeTenantApi(initiallyActive);
  vi.stubGlobal('fetch', api.fetch);
  localStorage.setItem('mes.session', JSON.stringify({ accessToken: 'a', refreshToken: 'r' }));
  const { pinia, i18n } = appPlugins('zh-CN');
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/store', name: 'store', component: StoreView }],
  });
  await router.push('/store');
  const auth = useAuthStore();
  await auth.ensureLoaded();
  const wrapper = mount(StoreView, { global: { plugins: [pinia, i18n, router] } });
  await flushPromises();
  const menuTitles = () =>
    buildMenu({
      isPlatform: false,
      activeModules: auth.modules,
      catalog: catalogFixture,
      isZh: true,
      t: (k) => k,
    }).map((i) => i.title);
  return { wrapper, api, auth, menuTitles };
}

describe('StoreView', () => {
  beforeEach(() => {
    localStorage.clear();
    dialogs.confirmDialog.mockResolvedValue(true);
    dialogs.choiceDialog.mockResolvedValue('confirm');
    dialogs.alertDialog.mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.clearAllMocks();
  });

  it('lists the catalog by category with states', async () => {
    const { wrapper } = await mountStore(['warehousing']);
    expect(wrapper.findAll('[data-testid^="store-category-"]').map((s) => s.find('h3').text())).toEqual([
      '上下游协同',
      '咨询',
      '综合管理',
      '企业运营',
    ]);
    expect(wrapper.get('[data-testid="module-card-warehousing"]').attributes('data-state')).toBe(
      'subscribed',
    );
    expect(wrapper.get('[data-testid="module-card-master-data"]').attributes('data-state')).toBe('alwaysOn');
    expect(wrapper.get('[data-testid="module-card-lean-consulting"]').attributes('data-state')).toBe(
      'unavailable',
    );
    expect(wrapper.get('[data-testid="module-price-lean-consulting"]').text()).toBe('按需报价');
  });

  it('subscribes after a confirmation that states the price, and the menu entry appears', async () => {
    const { wrapper, api, menuTitles } = await mountStore([]);
    expect(menuTitles()).not.toContain('知识库');

    await wrapper.get('[data-testid="subscribe-production-knowledge"]').trigger('click');
    await flushPromises();

    expect(dialogs.confirmDialog).toHaveBeenCalledTimes(1);
    const [message, title] = dialogs.confirmDialog.mock.calls[0] ?? [];
    expect(title).toBe('确认订阅');
    expect(textOf(message)).toContain('生产知识管理');
    expect(textOf(message)).toContain('6.00 万元');
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ moduleKey: 'production-knowledge' });
    expect(wrapper.get('[data-testid="module-card-production-knowledge"]').attributes('data-state')).toBe(
      'subscribed',
    );
    expect(menuTitles()).toContain('知识库');
    expect(dialogs.notify.success).toHaveBeenCalledWith('已订阅「生产知识管理」');
  });

  it('does nothing when the confirmation is cancelled', async () => {
    dialogs.confirmDialog.mockResolvedValue(false);
    const { wrapper, api } = await mountStore([]);
    await wrapper.get('[data-testid="subscribe-production-knowledge"]').trigger('click');
    await flushPromises();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('offers to subscribe missing dependencies along (withDependencies)', async () => {
    const { wrapper, api } = await mountStore([]);
    await wrapper.get('[data-testid="subscribe-outsourcing"]').trigger('click');
    await flushPromises();

    expect(dialogs.confirmDialog).not.toHaveBeenCalled();
    const [message] = dialogs.choiceDialog.mock.calls[0] ?? [];
    const text = textOf(message);
    expect(text).toContain('仓储管理（4.00 万元）、采购管理（3.00 万元）');
    expect(text).toContain('3 个模块，合计 13.00 万元');
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      moduleKey: 'outsourcing',
      withDependencies: true,
    });
    expect([...api.active].sort()).toEqual(['outsourcing', 'purchasing', 'warehousing']);
    expect(dialogs.notify.success).toHaveBeenCalledWith('已订阅「委外管理」及其依赖模块：仓储管理、采购管理');
  });

  it('unsubscribes after a confirmation, and the menu entry disappears', async () => {
    const { wrapper, api, menuTitles } = await mountStore(['production-knowledge']);
    expect(menuTitles()).toContain('知识库');
    await wrapper.get('[data-testid="unsubscribe-production-knowledge"]').trigger('click');
    await flushPromises();
    expect(dialogs.confirmDialog.mock.calls[0]?.[1]).toBe('确认退订');
    expect(
      api.calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/subscriptions/production-knowledge')),
    ).toBe(true);
    expect(menuTitles()).not.toContain('知识库');
    expect(wrapper.get('[data-testid="module-card-production-knowledge"]').attributes('data-state')).toBe(
      'available',
    );
  });

  it('explains why a module other modules depend on cannot be cancelled', async () => {
    const { wrapper, api } = await mountStore(['warehousing', 'orders']);
    await wrapper.get('[data-testid="unsubscribe-warehousing"]').trigger('click');
    await flushPromises();
    expect(dialogs.confirmDialog).not.toHaveBeenCalled();
    expect(textOf(dialogs.alertDialog.mock.calls[0]?.[0])).toContain(
      '以下已订阅模块依赖「仓储管理」：订单管理',
    );
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
  });

  it('explains the 409 when the server knows of a dependent the page did not', async () => {
    const { wrapper, api } = await mountStore(['warehousing']);
    api.active.add('purchasing'); // subscribed meanwhile, in another tab
    await wrapper.get('[data-testid="unsubscribe-warehousing"]').trigger('click');
    await flushPromises();
    expect(dialogs.alertDialog.mock.calls[0]?.[1]).toBe('无法退订');
    expect(textOf(dialogs.alertDialog.mock.calls[0]?.[0])).toContain('采购管理');
  });
});
