import type { RouteRecordRaw } from 'vue-router';
import { MODULE_KEY } from './module-key';
import { withPageTexts } from './locales/page-texts';

const meta = (title: string) => ({ module: MODULE_KEY, title: `orders.titles.${title}` });

/** Pages of 订单管理; the shell merges them and checks the subscription (`meta.module`). */
export const routes: RouteRecordRaw[] = [
  { path: '/orders', redirect: '/orders/sales-orders', meta: { module: MODULE_KEY } },
  {
    path: '/orders/sales-orders',
    name: 'orders.sales-orders',
    component: withPageTexts(() => import('./views/sales-orders/list.vue')),
    meta: meta('salesOrders'),
  },
  {
    path: '/orders/sales-orders/new',
    name: 'orders.sales-order-new',
    component: withPageTexts(() => import('./views/sales-orders/form.vue')),
    meta: { ...meta('newOrder'), permission: 'orders:write' },
  },
  {
    path: '/orders/sales-orders/:id/edit',
    name: 'orders.sales-order-edit',
    component: withPageTexts(() => import('./views/sales-orders/form.vue')),
    props: true,
    meta: { ...meta('editOrder'), permission: 'orders:write' },
  },
  {
    path: '/orders/sales-orders/:id',
    name: 'orders.sales-order',
    component: withPageTexts(() => import('./views/sales-orders/detail.vue')),
    props: true,
    meta: meta('order'),
  },
  {
    path: '/orders/progress',
    name: 'orders.progress',
    component: withPageTexts(() => import('./views/progress/progress.vue')),
    meta: meta('progress'),
  },
  {
    path: '/orders/work-order-requests',
    name: 'orders.work-order-requests',
    component: withPageTexts(() => import('./views/work-order-requests/list.vue')),
    meta: meta('workOrderRequests'),
  },
  {
    path: '/orders/shipments',
    name: 'orders.shipments',
    component: withPageTexts(() => import('./views/shipments/list.vue')),
    meta: meta('shipments'),
  },
  {
    path: '/orders/returns',
    name: 'orders.returns',
    component: withPageTexts(() => import('./views/returns/list.vue')),
    meta: meta('returns'),
  },
];
