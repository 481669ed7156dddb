// Public face of the purchasing web module.
export { routes } from './routes';
export { messages } from './locales';
export * from './api/purchase-order.api';
export * from './api/requisition.api';
export * from './api/price.api';
export * from './api/buyer.api';
export { MODULE_KEY, ORDER_STATUS_OPTIONS, REQUISITION_STATUS_OPTIONS, PurchasingPermission } from './data';
