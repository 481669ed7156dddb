/** Eager texts of 生产过程管理: the route titles (the rest loads with the pages, see `page-texts.ts`). */
export const peZhCN = {
  pe: {
    titles: {
      workOrders: '工单',
      workOrder: '工单详情',
      wip: '在制看板',
      output: '今日产出',
      operators: '操作工',
    },
  },
};
