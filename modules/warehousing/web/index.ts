// Public face of the warehousing web module.
export { routes } from './routes';
export { messages } from './locales';
export * from './api/warehousing.api';
export {
  MODULE_KEY,
  directionOf,
  typeGroups,
  typeLabelKey,
  documentFormToInput,
  emptyDocumentForm,
  type DocumentForm,
  type DocLine,
} from './data';
export { applyScan, normalizeScan, scanToMovement, type ScanState, type ScanTask } from './scan';
