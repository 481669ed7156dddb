import { createRouter, createWebHistory, type Router } from 'vue-router';
import type { Composer } from 'vue-i18n';
import { ApiError, notify, useAuthStore } from '@mes/web-core';
import { useCatalogStore } from '../stores/catalog.store';
import { decideAccess } from './access';
import { routes } from './routes';

export function createShellRouter(): Router {
  return createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });
}

/** Whether the app has a real page at `path` (not the catch-all). */
export function hasPage(router: Router, path: string): boolean {
  const resolved = router.resolve(path);
  return resolved.matched.length > 0 && resolved.name !== 'not-found';
}

export function installGuards(router: Router, i18n: Composer): void {
  const t = (key: string, named?: Record<string, unknown>) => (named ? i18n.t(key, named) : i18n.t(key));

  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    if (to.name === 'login' && auth.isAuthenticated) {
      const ok = await auth.ensureLoaded().catch(() => false);
      if (ok) {
        const redirect = typeof to.query['redirect'] === 'string' ? to.query['redirect'] : '/';
        return redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : '/';
      }
      return true;
    }
    if (!to.meta.public && auth.isAuthenticated) {
      try {
        await auth.ensureLoaded();
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
          if (e.code === 'TENANT_SUSPENDED') notify.error(t('router.tenantSuspended'));
          await auth.logout();
        } else {
          notify.error(e instanceof Error ? e.message : String(e));
        }
        return { name: 'login', query: { redirect: to.fullPath } };
      }
    }

    const decision = decideAccess(to.meta, {
      authenticated: auth.isAuthenticated,
      isPlatform: auth.isPlatform,
      modules: auth.modules,
      permissions: auth.permissions,
    });
    switch (decision.kind) {
      case 'allow':
        return true;
      case 'login':
        return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
      case 'home':
        return { name: 'workbench' };
      case 'forbidden':
        notify.warning(t('router.forbidden'));
        return stayPut(router) ?? { name: 'workbench' };
      case 'not-subscribed': {
        const catalog = useCatalogStore();
        await catalog.ensureCatalog().catch(() => undefined);
        const m = catalog.byKey.get(decision.module);
        const name = m ? (i18n.locale.value === 'zh-CN' ? m.nameZh : m.nameEn || m.nameZh) : decision.module;
        notify.warning(t('router.moduleNotSubscribed', { name }));
        return { name: 'store', query: { module: decision.module } };
      }
    }
  });

  router.afterEach((to) => {
    const title = to.meta.title ? t(to.meta.title) : '';
    document.title = title ? `${title} · ${t('core.appName')}` : t('core.appName');
  });
}

/** The current route when there is one to stay on (a guard refusing an in-app navigation). */
function stayPut(router: Router) {
  const current = router.currentRoute.value;
  return current.matched.length > 0 ? false : null;
}
