import type { ModuleDefinition } from '@mes/platform';
import { ordersManifest } from './manifest';
import { OrdersCore1763703000000 } from './migrations/1763703000000-orders-core';
import { OrdersMrpRequests1763703100000 } from './migrations/1763703100000-orders-mrp-requests';
import { OrdersModule } from './orders.module';

export { ORDERS_MODULE_KEY, ordersManifest } from './manifest';
export { OrdersModule } from './orders.module';
/** For the shop-floor module: open work-order requests and `accept(id, workOrderRef)`. */
export { WorkOrderRequests, type PlannedRequestInput } from './production/work-order-request.service';
/** For MRP: open sales order lines (net of their reservations) and open work-order requests. */
export {
  OpenSalesDemand,
  type OpenSalesLine,
  type OpenWorkOrderRequest,
} from './production/open-sales-demand.service';

export const ordersModule: ModuleDefinition = {
  manifest: ordersManifest,
  apiModule: OrdersModule,
  entities: [],
  migrations: [OrdersCore1763703000000, OrdersMrpRequests1763703100000],
};
