import type { schedulingZhCN } from './zh-CN';

/** Eager texts of the scheduling modules: the route titles. */
export const schedulingEnUS: typeof schedulingZhCN = {
  scheduling: {
    titles: {
      gantt: 'Gantt',
      runs: 'Scheduling runs',
      versions: 'Schedule versions',
      dispatch: 'Dispatch lists',
      changeovers: 'Changeovers',
    },
  },
};
