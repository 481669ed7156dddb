import type { RouteRecordRaw } from 'vue-router';
import { MODULE_KEYS } from './module-key';
import { withPageTexts } from './locales/page-texts';

const meta = (title: string) => ({ module: MODULE_KEYS, title: `scheduling.titles.${title}` });

/**
 * Pages of 主生产计划 and 车间计划管理 (the same pages: either subscription opens them, `meta.module`
 * lists both keys); the shell merges them and checks the subscription.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/scheduling', redirect: '/scheduling/gantt', meta: { module: MODULE_KEYS } },
  {
    path: '/scheduling/gantt',
    name: 'scheduling.gantt',
    component: withPageTexts(() => import('./views/gantt.vue')),
    meta: meta('gantt'),
  },
  {
    path: '/scheduling/runs',
    name: 'scheduling.runs',
    component: withPageTexts(() => import('./views/runs.vue')),
    meta: meta('runs'),
  },
  {
    path: '/scheduling/versions',
    name: 'scheduling.versions',
    component: withPageTexts(() => import('./views/versions.vue')),
    meta: meta('versions'),
  },
  {
    path: '/scheduling/dispatch',
    name: 'scheduling.dispatch',
    component: withPageTexts(() => import('./views/dispatch.vue')),
    meta: meta('dispatch'),
  },
  {
    path: '/scheduling/changeovers',
    name: 'scheduling.changeovers',
    component: withPageTexts(() => import('./views/changeovers.vue')),
    meta: meta('changeovers'),
  },
];
