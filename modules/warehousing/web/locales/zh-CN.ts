/** Eager texts of 仓储管理: the route titles (the rest loads with the pages, see `page-texts.ts`). */
export const warehousingZhCN = {
  warehousing: {
    titles: {
      stock: '库存查询',
      movements: '出入库',
      newDocument: '新建出入库单',
      document: '出入库单',
      reservations: '库存预留',
      ageing: '库存账龄',
      statistics: '库存统计',
      stocktakes: '盘点',
      stocktake: '盘点单',
      mobile: '移动作业',
      receive: '扫码收货',
      issue: '扫码发料',
      transfer: '扫码移库',
      count: '扫码盘点',
    },
  },
};
