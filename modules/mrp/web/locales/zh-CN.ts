/** Eager texts of 物料需求计划: the route titles (the rest loads with the pages, see `page-texts.ts`). */
export const mrpZhCN = {
  mrp: {
    titles: {
      runs: 'MRP 运算',
      plan: '计划订单',
      exceptions: '例外信息',
      records: 'MRP 记录',
      forecasts: '预测',
    },
  },
};
