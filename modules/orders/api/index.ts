import type { ModuleDefinition } from '@mes/platform';
import { ordersManifest } from './manifest';
import { OrdersCore1763703000000 } from './migrations/1763703000000-orders-core';
import { OrdersModule } from './orders.module';

export { ORDERS_MODULE_KEY, ordersManifest } from './manifest';
export { OrdersModule } from './orders.module';
/** For the shop-floor module: open work-order requests and `accept(id, workOrderRef)`. */
export { WorkOrderRequests } from './production/work-order-request.service';

export const ordersModule: ModuleDefinition = {
  manifest: ordersManifest,
  apiModule: OrdersModule,
  entities: [],
  migrations: [OrdersCore1763703000000],
};
