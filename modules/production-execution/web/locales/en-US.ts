import type { peZhCN } from './zh-CN';

/** Eager texts of production execution: the route titles. */
export const peEnUS: typeof peZhCN = {
  pe: {
    titles: {
      workOrders: 'Work orders',
      workOrder: 'Work order',
      wip: 'WIP board',
      output: "Today's output",
      operators: 'Operators',
    },
  },
};
