import type { RouteRecordRaw } from 'vue-router';
import { MODULE_KEY } from './module-key';

/** Pages of 采购管理; the shell merges them and checks the subscription (`meta.module`). */
export const routes: RouteRecordRaw[] = [
  { path: '/purchasing', redirect: '/purchasing/orders', meta: { module: MODULE_KEY } },
  {
    path: '/purchasing/orders',
    name: 'purchasing.orders',
    component: () => import('./views/orders/list.vue'),
    meta: { module: MODULE_KEY, title: 'purchasing.orders.title' },
  },
  {
    path: '/purchasing/orders/new',
    name: 'purchasing.order-new',
    component: () => import('./views/orders/form.vue'),
    meta: { module: MODULE_KEY, title: 'purchasing.orders.newTitle' },
  },
  {
    path: '/purchasing/orders/:id/edit',
    name: 'purchasing.order-edit',
    component: () => import('./views/orders/form.vue'),
    props: true,
    meta: { module: MODULE_KEY, title: 'purchasing.orders.title' },
  },
  {
    path: '/purchasing/orders/:id',
    name: 'purchasing.order',
    component: () => import('./views/orders/detail.vue'),
    props: true,
    meta: { module: MODULE_KEY, title: 'purchasing.orders.title' },
  },
  {
    path: '/purchasing/pending-receipts',
    name: 'purchasing.pending-receipts',
    component: () => import('./views/pending-receipts/list.vue'),
    meta: { module: MODULE_KEY, title: 'purchasing.pending.title' },
  },
  {
    path: '/purchasing/requisitions',
    name: 'purchasing.requisitions',
    component: () => import('./views/requisitions/list.vue'),
    meta: { module: MODULE_KEY, title: 'purchasing.requisitions.title' },
  },
  {
    path: '/purchasing/prices',
    name: 'purchasing.prices',
    component: () => import('./views/prices/list.vue'),
    meta: { module: MODULE_KEY, title: 'purchasing.prices.title' },
  },
  {
    path: '/purchasing/buyers',
    name: 'purchasing.buyers',
    component: () => import('./views/buyers/list.vue'),
    meta: { module: MODULE_KEY, title: 'purchasing.buyers.title' },
  },
];
