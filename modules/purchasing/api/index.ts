import type { ModuleDefinition } from '@mes/platform';
import { PurchasingDemoSeeder } from './demo/purchasing-demo.seeder';
import { purchasingManifest } from './manifest';
import { PurchasingCore1763702000000 } from './migrations/1763702000000-purchasing-core';
import { PurchasingModule } from './purchasing.module';

export { PURCHASING_MODULE_KEY, purchasingManifest } from './manifest';
export { PurchasingModule } from './purchasing.module';
/** For MRP: `create(tenantId, actorId, dto, 'mrp')` puts planned purchases on the to-buy list. */
export { RequisitionService } from './requisition/requisition.service';
/** For MRP: open purchase order lines and MRP's open to-buy lines (在途). */
export { OpenPurchaseSupply, type OpenPurchaseLine } from './order/open-purchase-supply.service';
export { SupplierPriceService } from './price/supplier-price.service';

export const purchasingModule: ModuleDefinition = {
  manifest: purchasingManifest,
  apiModule: PurchasingModule,
  entities: [],
  migrations: [PurchasingCore1763702000000],
  demoSeeder: PurchasingDemoSeeder,
};
