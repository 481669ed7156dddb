// Public face of the production-execution web module (生产过程管理: desktop pages and supervisor views).
export { routes } from './routes';
export { messages } from './locales';
export * from './api/production-execution.api';
export { MODULE_KEY } from './module-key';
export { ProductionExecutionPermission, WORK_ORDER_STATUS_OPTIONS } from './data';
