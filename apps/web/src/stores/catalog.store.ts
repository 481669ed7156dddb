import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CatalogModule, SubscriptionView } from '@mes/shared';
import { http, useAuthStore } from '@mes/web-core';

/**
 * The catalog (same for everyone, loaded once) and this tenant's subscriptions. After a change the
 * auth store reloads `/auth/me` so that the menu follows without a page reload.
 */
export const useCatalogStore = defineStore('catalog', () => {
  const modules = ref<CatalogModule[]>([]);
  const subscriptions = ref<SubscriptionView[]>([]);
  const catalogLoaded = ref(false);
  let catalogLoading: Promise<void> | null = null;

  const byKey = computed(() => new Map(modules.value.map((m) => [m.key, m])));
  const activeSubscriptions = computed(
    () => new Map(subscriptions.value.filter((s) => s.status === 'active').map((s) => [s.moduleKey, s])),
  );

  function ensureCatalog(force = false): Promise<void> {
    if (catalogLoaded.value && !force) return Promise.resolve();
    catalogLoading ??= http
      .get<{ items: CatalogModule[] }>('/catalog/modules')
      .then((r) => {
        modules.value = r.items;
        catalogLoaded.value = true;
      })
      .finally(() => {
        catalogLoading = null;
      });
    return catalogLoading;
  }

  async function loadSubscriptions(): Promise<void> {
    const r = await http.get<{ items: SubscriptionView[] }>('/subscriptions');
    subscriptions.value = r.items;
  }

  async function afterChange() {
    const auth = useAuthStore();
    await Promise.all([loadSubscriptions(), auth.loadMe()]);
  }

  async function subscribe(moduleKey: string, withDependencies = false): Promise<SubscriptionView[]> {
    const body = withDependencies ? { moduleKey, withDependencies: true } : { moduleKey };
    const r = await http.post<{ items: SubscriptionView[] }>('/subscriptions', body, { silent: true });
    await afterChange();
    return r.items;
  }

  async function unsubscribe(moduleKey: string): Promise<void> {
    await http.delete(`/subscriptions/${encodeURIComponent(moduleKey)}`, { silent: true });
    await afterChange();
  }

  /** Forget the tenant's data (tenant switch, sign-out); the catalog stays. */
  function resetTenant() {
    subscriptions.value = [];
  }

  return {
    modules,
    subscriptions,
    catalogLoaded,
    byKey,
    activeSubscriptions,
    ensureCatalog,
    loadSubscriptions,
    subscribe,
    unsubscribe,
    resetTenant,
  };
});
