// Public face of the scheduling web module (主生产计划 / 车间计划管理: one set of pages).
export { routes } from './routes';
export { messages } from './locales';
export * from './api/scheduling.api';
export { MASTER_SCHEDULING_KEY, MODULE_KEYS, SHOP_SCHEDULING_KEY } from './module-key';
export { SchedulingPermission } from './data';
