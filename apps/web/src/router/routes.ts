import type { RouteRecordRaw } from 'vue-router';

/** Each module's pages: `modules/<key>/web/routes.ts` exporting `routes` (paths `/<key>/...`). */
const moduleRouteFiles = import.meta.glob<{ routes: RouteRecordRaw[] }>(
  '../../../../modules/*/web/routes.ts',
  {
    eager: true,
  },
);

export const moduleRoutes: RouteRecordRaw[] = Object.values(moduleRouteFiles).flatMap((m) => m.routes);

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/LoginView.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    // 车间报工 is a page of its own (apps/web/shopfloor, decision 0017): the menu entry leaves the shell.
    path: '/shopfloor/:rest(.*)*',
    name: 'shopfloor',
    component: () => import('../views/NotFoundView.vue'),
    meta: { public: true, title: 'nav.workbench' },
    beforeEnter: (to) => {
      window.location.assign(to.fullPath);
      return false;
    },
  },
  {
    path: '/',
    component: () => import('../views/ShellView.vue'),
    children: [
      { path: '', redirect: { name: 'workbench' } },
      {
        path: 'workbench',
        name: 'workbench',
        component: () => import('../views/WorkbenchView.vue'),
        meta: { title: 'nav.workbench' },
      },
      {
        path: 'store',
        name: 'store',
        component: () => import('../views/store/StoreView.vue'),
        meta: { title: 'nav.store', scope: 'tenant' },
      },
      {
        path: 'platform/tenants',
        name: 'platform-tenants',
        component: () => import('../views/platform/TenantsView.vue'),
        meta: { title: 'nav.tenants', scope: 'platform', permission: 'platform.tenants:read' },
      },
      ...moduleRoutes,
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../views/NotFoundView.vue'),
        meta: { title: 'notFound.title' },
      },
    ],
  },
];
