/** Eager texts of 主生产计划 / 车间计划管理: the route titles (the rest loads with the pages). */
export const schedulingZhCN = {
  scheduling: {
    titles: {
      gantt: '排程甘特图',
      runs: '排产运算',
      versions: '排产版本',
      dispatch: '派工单',
      changeovers: '换型设置',
    },
  },
};
