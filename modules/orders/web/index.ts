// Public face of the orders web module.
export { routes } from './routes';
export { messages } from './locales';
export * from './api/sales-order.api';
export * from './api/order-documents.api';
export {
  MODULE_KEY,
  STATUS_OPTIONS,
  allowedActions,
  emptyOrderForm,
  orderToForm,
  formToInput,
  type OrderForm,
} from './data';
