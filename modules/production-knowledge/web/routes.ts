import type { RouteRecordRaw } from 'vue-router';
import { MODULE_KEY } from './module-key';

/** Pages of 生产知识管理; the shell merges them and checks the subscription (`meta.module`). */
export const routes: RouteRecordRaw[] = [
  {
    path: '/production-knowledge',
    redirect: '/production-knowledge/articles',
    meta: { module: MODULE_KEY },
  },
  {
    path: '/production-knowledge/articles',
    name: 'production-knowledge.articles',
    component: () => import('./views/articles/list.vue'),
    meta: { module: MODULE_KEY, title: 'knowledge.articles.title' },
  },
];
