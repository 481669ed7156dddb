import type { RouteRecordRaw } from 'vue-router';
import { MODULE_KEY } from './module-key';
import { withPageTexts } from './locales/page-texts';

const meta = (title: string) => ({ module: MODULE_KEY, title: `pe.titles.${title}` });

/** Desktop pages of 生产过程管理; the shell merges them and checks the subscription (`meta.module`). */
export const routes: RouteRecordRaw[] = [
  {
    path: '/production-execution',
    redirect: '/production-execution/work-orders',
    meta: { module: MODULE_KEY },
  },
  {
    path: '/production-execution/work-orders',
    name: 'pe.work-orders',
    component: withPageTexts(() => import('./views/work-orders/list.vue')),
    meta: meta('workOrders'),
  },
  {
    path: '/production-execution/work-orders/:id',
    name: 'pe.work-order',
    component: withPageTexts(() => import('./views/work-orders/detail.vue')),
    props: true,
    meta: meta('workOrder'),
  },
  {
    path: '/production-execution/wip',
    name: 'pe.wip',
    component: withPageTexts(() => import('./views/board/wip.vue')),
    meta: meta('wip'),
  },
  {
    path: '/production-execution/output',
    name: 'pe.output',
    component: withPageTexts(() => import('./views/board/output.vue')),
    meta: meta('output'),
  },
  {
    path: '/production-execution/operators',
    name: 'pe.operators',
    component: withPageTexts(() => import('./views/operators/list.vue')),
    meta: meta('operators'),
  },
];
