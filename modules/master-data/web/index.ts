// Public face of the master-data web module.
export { routes } from './routes';
export { messages } from './locales';
export * from './api/unit.api';
export * from './api/item.api';
export * from './api/bom.api';
export * from './api/warehouse.api';
export * from './api/partner.api';
export * from './api/calendar.api';
export * from './api/work-center.api';
export * from './api/routing.api';
export * from './api/barcode.api';
export * from './api/import-export.api';
export {
  MODULE_KEY,
  ITEM_TYPE_OPTIONS,
  MAKE_OR_BUY_OPTIONS,
  ITEM_STATUS_OPTIONS,
  LOT_RULE_OPTIONS,
  formatCycle,
  cycleOf,
  flattenTree,
} from './data';
