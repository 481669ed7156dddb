/** The keys of the two scheduling modules; either subscription opens the pages (kept apart from data.ts). */
export const MASTER_SCHEDULING_KEY = 'master-scheduling';
export const SHOP_SCHEDULING_KEY = 'shop-scheduling';
/** `meta.module` of every scheduling page: 主生产计划 or 车间计划管理. */
export const MODULE_KEYS: readonly string[] = [MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY];
