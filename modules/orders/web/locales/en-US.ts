import type { ordersZhCN } from './zh-CN';

export const ordersEnUS: typeof ordersZhCN = {
  orders: {
    titles: {
      salesOrders: 'Sales orders',
      newOrder: 'New sales order',
      editOrder: 'Edit sales order',
      order: 'Sales order',
      progress: 'Order progress',
      workOrderRequests: 'Work-order requests',
      shipments: 'Shipping notices',
      returns: 'Sales returns',
    },
  },
};
