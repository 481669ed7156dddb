import type { ModuleDefinition } from '@mes/platform';
import { productionExecutionManifest } from './manifest';
import { ProductionExecutionDemoSeeder } from './demo/production-execution-demo.seeder';
import { ProductionExecutionCore1763704500000 } from './migrations/1763704500000-production-execution-core';
import { ProductionExecutionOperators1763704600000 } from './migrations/1763704600000-production-execution-operators';
import { ProductionExecutionModule } from './production-execution.module';

export {
  PRODUCTION_EXECUTION_MODULE_KEY,
  ProductionExecutionMeter,
  ProductionExecutionPermission,
  productionExecutionManifest,
} from './manifest';
export { ProductionExecutionModule } from './production-execution.module';
/** For the scheduling module: the open work orders with their operations, and the work centers. */
export { SchedulableWorkOrders } from './scheduling/schedulable-work-orders.service';
/** For the scheduling module: 齐套检查 of a work order. */
export { KitCheck } from './kit/kit-check.service';
/** For MRP: 在制 — open work orders' output still to come and components still to be taken. */
export { OpenWorkOrderSupply, type OpenWorkOrderSupplyLine } from './supply/open-work-order-supply.service';
export type { KitCheckLine, KitCheckResult, SchedulableOperation, SchedulableWorkOrder } from '@mes/shared';
export type { WorkCenterRef } from '@mes/master-data-api';

export const productionExecutionModule: ModuleDefinition = {
  manifest: productionExecutionManifest,
  apiModule: ProductionExecutionModule,
  entities: [],
  migrations: [ProductionExecutionCore1763704500000, ProductionExecutionOperators1763704600000],
  demoSeeder: ProductionExecutionDemoSeeder,
};
