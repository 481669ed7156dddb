import type { mrpZhCN } from './zh-CN';

/** Eager texts of the MRP module: the route titles. */
export const mrpEnUS: typeof mrpZhCN = {
  mrp: {
    titles: {
      runs: 'MRP runs',
      plan: 'Planned orders',
      exceptions: 'Exceptions',
      records: 'MRP records',
      forecasts: 'Forecasts',
    },
  },
};
