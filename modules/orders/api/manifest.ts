import type { ModuleManifest } from '@mes/platform';
import { Role } from '@mes/shared';

export const ORDERS_MODULE_KEY = 'orders';

export const OrdersPermission = {
  READ: 'orders:read',
  WRITE: 'orders:write',
  SHIP: 'orders:ship',
} as const;

export const OrdersMeter = {
  SALES_ORDERS: 'orders.sales-orders',
  SHIPMENTS: 'orders.shipments',
} as const;

/** 订单管理 (附件2 row 18): sales orders from entry to shipping and returns, with the order progress view. */
export const ordersManifest: ModuleManifest = {
  key: ORDERS_MODULE_KEY,
  nameZh: '订单管理',
  nameEn: 'Order management',
  dependsOn: ['warehousing'],
  permissions: {
    [OrdersPermission.READ]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER, Role.WAREHOUSE],
    [OrdersPermission.WRITE]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER],
    [OrdersPermission.SHIP]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.WAREHOUSE],
  },
  menu: [
    { path: '/orders/sales-orders', titleZh: '销售订单', titleEn: 'Sales orders', icon: 'Tickets' },
    { path: '/orders/progress', titleZh: '订单透视', titleEn: 'Order progress', icon: 'DataLine' },
    {
      path: '/orders/work-order-requests',
      titleZh: '生产需求',
      titleEn: 'Work-order requests',
      icon: 'Operation',
    },
    { path: '/orders/shipments', titleZh: '发货通知', titleEn: 'Shipping notices', icon: 'Van' },
    { path: '/orders/returns', titleZh: '销售退货', titleEn: 'Sales returns', icon: 'RefreshLeft' },
  ],
  meters: [OrdersMeter.SALES_ORDERS, OrdersMeter.SHIPMENTS],
};
