/** Eager texts of 订单管理: the route titles (the rest loads with the pages, see `page-texts.ts`). */
export const ordersZhCN = {
  orders: {
    titles: {
      salesOrders: '销售订单',
      newOrder: '新建销售订单',
      editOrder: '编辑销售订单',
      order: '销售订单详情',
      progress: '订单透视',
      workOrderRequests: '生产需求',
      shipments: '发货通知',
      returns: '销售退货',
    },
  },
};
