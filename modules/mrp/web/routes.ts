import type { RouteRecordRaw } from 'vue-router';
import { MODULE_KEY } from './module-key';
import { withPageTexts } from './locales/page-texts';

const meta = (title: string) => ({ module: MODULE_KEY, title: `mrp.titles.${title}` });

/** Pages of 物料需求计划; the shell merges them and checks the subscription (`meta.module`). */
export const routes: RouteRecordRaw[] = [
  { path: '/mrp', redirect: '/mrp/runs', meta: { module: MODULE_KEY } },
  {
    path: '/mrp/runs',
    name: 'mrp.runs',
    component: withPageTexts(() => import('./views/runs.vue')),
    meta: meta('runs'),
  },
  {
    path: '/mrp/plan',
    name: 'mrp.plan',
    component: withPageTexts(() => import('./views/plan.vue')),
    meta: meta('plan'),
  },
  {
    path: '/mrp/exceptions',
    name: 'mrp.exceptions',
    component: withPageTexts(() => import('./views/exceptions.vue')),
    meta: meta('exceptions'),
  },
  {
    path: '/mrp/records',
    name: 'mrp.records',
    component: withPageTexts(() => import('./views/records.vue')),
    meta: meta('records'),
  },
  {
    path: '/mrp/forecasts',
    name: 'mrp.forecasts',
    component: withPageTexts(() => import('./views/forecasts.vue')),
    meta: meta('forecasts'),
  },
];
