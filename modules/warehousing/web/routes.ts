import type { RouteRecordRaw } from 'vue-router';
import { MODULE_KEY } from './module-key';
import { withPageTexts } from './locales/page-texts';

const meta = (title: string) => ({ module: MODULE_KEY, title: `warehousing.titles.${title}` });

/** Pages of 仓储管理; the shell merges them and checks the subscription (`meta.module`). */
export const routes: RouteRecordRaw[] = [
  { path: '/warehousing', redirect: '/warehousing/stock', meta: { module: MODULE_KEY } },
  {
    path: '/warehousing/stock',
    name: 'warehousing.stock',
    component: withPageTexts(() => import('./views/stock/stock.vue')),
    meta: meta('stock'),
  },
  {
    path: '/warehousing/movements',
    name: 'warehousing.movements',
    component: withPageTexts(() => import('./views/movements/list.vue')),
    meta: meta('movements'),
  },
  {
    path: '/warehousing/movements/new',
    name: 'warehousing.document-new',
    component: withPageTexts(() => import('./views/movements/document-form.vue')),
    meta: meta('newDocument'),
  },
  {
    path: '/warehousing/documents/:docNo',
    name: 'warehousing.document',
    component: withPageTexts(() => import('./views/movements/document.vue')),
    props: true,
    meta: meta('document'),
  },
  {
    path: '/warehousing/reservations',
    name: 'warehousing.reservations',
    component: withPageTexts(() => import('./views/reservations/list.vue')),
    meta: meta('reservations'),
  },
  {
    path: '/warehousing/ageing',
    name: 'warehousing.ageing',
    component: withPageTexts(() => import('./views/ageing/ageing.vue')),
    meta: meta('ageing'),
  },
  {
    path: '/warehousing/statistics',
    name: 'warehousing.statistics',
    component: withPageTexts(() => import('./views/statistics/statistics.vue')),
    meta: meta('statistics'),
  },
  {
    path: '/warehousing/stocktakes',
    name: 'warehousing.stocktakes',
    component: withPageTexts(() => import('./views/stocktakes/list.vue')),
    meta: meta('stocktakes'),
  },
  {
    path: '/warehousing/stocktakes/:id',
    name: 'warehousing.stocktake',
    component: withPageTexts(() => import('./views/stocktakes/sheet.vue')),
    props: true,
    meta: meta('stocktake'),
  },
  {
    path: '/warehousing/mobile',
    name: 'warehousing.mobile',
    component: withPageTexts(() => import('./views/mobile/home.vue')),
    meta: meta('mobile'),
  },
  {
    path: '/warehousing/mobile/count',
    name: 'warehousing.mobile-count',
    component: withPageTexts(() => import('./views/mobile/count.vue')),
    meta: meta('count'),
  },
  ...(['receive', 'issue', 'transfer'] as const).map((task): RouteRecordRaw => ({
    path: `/warehousing/mobile/${task}`,
    name: `warehousing.mobile-${task}`,
    component: withPageTexts(() => import('./views/mobile/scan-task.vue')),
    props: { task },
    meta: meta(task),
  })),
];
