import type { ModuleDefinition } from '@mes/platform';
import { WarehousingDemoSeeder } from './demo/warehousing-demo.seeder';
import { warehousingManifest } from './manifest';
import { WarehousingLedger1763701000000 } from './migrations/1763701000000-warehousing-ledger';
import { WarehousingModule } from './warehousing.module';

export { WAREHOUSING_MODULE_KEY, warehousingManifest } from './manifest';
export { WarehousingModule } from './warehousing.module';
export { StockLedger, type PostOptions } from './ledger/stock-ledger.service';
export type { LedgerDocument, LedgerLine } from './ledger/posting-line';
export { StockReservations, type ReserveRequest } from './reservation/stock-reservation.service';
export { StockQueries } from './stock/stock-query.service';
export { InsufficientStockError } from './shared/warehousing.errors';
export { QC_HOLD_LOCATION } from './shared/qc-hold';

export const warehousingModule: ModuleDefinition = {
  manifest: warehousingManifest,
  apiModule: WarehousingModule,
  entities: [],
  migrations: [WarehousingLedger1763701000000],
  demoSeeder: WarehousingDemoSeeder,
};
