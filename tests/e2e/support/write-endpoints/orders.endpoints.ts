import { SOME_ID, type ModuleWriteEndpoints } from './write-endpoint';

const order = `/api/v1/orders/sales-orders/${SOME_ID}`;

export const ordersWriteEndpoints: ModuleWriteEndpoints = {
  moduleKey: 'orders',
  endpoints: [
    {
      method: 'post',
      route: 'SalesOrderController.create',
      path: () => '/api/v1/orders/sales-orders',
      as: 'admin',
      body: true,
    },
    {
      method: 'put',
      route: 'SalesOrderController.update',
      path: () => order,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'SalesOrderController.confirm',
      path: () => `${order}/confirm`,
      as: 'admin',
      body: true,
      emptyBodyValid: true,
    },
    {
      method: 'post',
      route: 'SalesOrderController.reserve',
      path: () => `${order}/reserve`,
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'SalesOrderController.convert',
      path: () => '/api/v1/orders/sales-orders/not-an-id/convert-to-production',
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'SalesOrderController.close',
      path: () => `${order}/close`,
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'SalesOrderController.cancel',
      path: () => '/api/v1/orders/sales-orders/not-an-id/cancel',
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'WorkOrderRequestController.cancel',
      path: () => `/api/v1/orders/work-order-requests/${SOME_ID}/cancel`,
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'ShipmentController.ship',
      path: () => `${order}/shipments`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'SalesReturnController.create',
      path: () => `${order}/returns`,
      as: 'admin',
      body: true,
    },
  ],
};
