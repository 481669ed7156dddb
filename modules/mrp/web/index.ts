// Public face of the mrp web module (物料需求计划).
export { routes } from './routes';
export { messages } from './locales';
export * from './api/mrp.api';
export { MODULE_KEY } from './module-key';
export { MrpPermission } from './data';
