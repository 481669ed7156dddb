import type { RouteRecordRaw } from 'vue-router';
import { MODULE_KEY } from './module-key';
import { withPageTexts } from './locales/page-texts';

/** Pages of 主数据管理 (always on; the shell still checks `meta.module` like any module's). */
export const routes: RouteRecordRaw[] = [
  {
    path: '/master-data',
    redirect: '/master-data/items',
    meta: { module: MODULE_KEY },
  },
  {
    path: '/master-data/items',
    name: 'master-data.items',
    component: () => import('./views/items/list.vue'),
    meta: { module: MODULE_KEY, title: 'masterData.items.title' },
  },
  {
    path: '/master-data/boms',
    name: 'master-data.boms',
    component: () => import('./views/boms/list.vue'),
    meta: { module: MODULE_KEY, title: 'masterData.boms.title' },
  },
  {
    path: '/master-data/boms/new',
    name: 'master-data.bom-new',
    component: () => import('./views/boms/editor.vue'),
    meta: { module: MODULE_KEY, title: 'masterData.boms.newTitle' },
  },
  {
    path: '/master-data/boms/:id',
    name: 'master-data.bom',
    component: () => import('./views/boms/editor.vue'),
    props: true,
    meta: { module: MODULE_KEY, title: 'masterData.boms.title' },
  },
  {
    path: '/master-data/routings',
    name: 'master-data.routings',
    component: withPageTexts(() => import('./views/routings/list.vue')),
    meta: { module: MODULE_KEY, title: 'masterData.routings.title' },
  },
  {
    path: '/master-data/routings/new',
    name: 'master-data.routing-new',
    component: withPageTexts(() => import('./views/routings/editor.vue')),
    meta: { module: MODULE_KEY, title: 'masterData.routings.newTitle' },
  },
  {
    path: '/master-data/routings/:id',
    name: 'master-data.routing',
    component: withPageTexts(() => import('./views/routings/editor.vue')),
    props: true,
    meta: { module: MODULE_KEY, title: 'masterData.routings.title' },
  },
  {
    path: '/master-data/work-centers',
    name: 'master-data.work-centers',
    component: withPageTexts(() => import('./views/work-centers/list.vue')),
    meta: { module: MODULE_KEY, title: 'masterData.workCenters.title' },
  },
  {
    path: '/master-data/calendars',
    name: 'master-data.calendars',
    component: withPageTexts(() => import('./views/calendars/list.vue')),
    meta: { module: MODULE_KEY, title: 'masterData.calendars.title' },
  },
  {
    path: '/master-data/calendars/new',
    name: 'master-data.calendar-new',
    component: withPageTexts(() => import('./views/calendars/editor.vue')),
    meta: { module: MODULE_KEY, title: 'masterData.calendars.newTitle' },
  },
  {
    path: '/master-data/calendars/:id',
    name: 'master-data.calendar',
    component: withPageTexts(() => import('./views/calendars/editor.vue')),
    props: true,
    meta: { module: MODULE_KEY, title: 'masterData.calendars.title' },
  },
  {
    path: '/master-data/units',
    name: 'master-data.units',
    component: () => import('./views/units/list.vue'),
    meta: { module: MODULE_KEY, title: 'masterData.units.title' },
  },
  {
    path: '/master-data/warehouses',
    name: 'master-data.warehouses',
    component: () => import('./views/warehouses/list.vue'),
    meta: { module: MODULE_KEY, title: 'masterData.warehouses.title' },
  },
  {
    path: '/master-data/customers',
    name: 'master-data.customers',
    component: () => import('./views/partners/list.vue'),
    props: { kind: 'customers' },
    meta: { module: MODULE_KEY, title: 'masterData.customers.title' },
  },
  {
    path: '/master-data/suppliers',
    name: 'master-data.suppliers',
    component: () => import('./views/partners/list.vue'),
    props: { kind: 'suppliers' },
    meta: { module: MODULE_KEY, title: 'masterData.suppliers.title' },
  },
  {
    // No menu entry: reached from 打印标签 on the items list and the warehouses page.
    path: '/master-data/labels',
    name: 'master-data.labels',
    component: withPageTexts(() => import('./views/labels/labels.vue')),
    meta: { module: MODULE_KEY, title: 'masterData.labels.title' },
  },
];
