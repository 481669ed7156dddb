import type { ScheduledOperation } from '@mes/scheduling-engine';
import { TimeAxis } from '../problem/time-axis';
import { summariseSchedule, type SummaryJob } from './schedule-summary';

const axis = new TimeAxis(new Date('2030-01-01T00:00:00Z'));
const op = (
  job: number,
  index: number,
  resource: number,
  start: number,
  end: number,
): ScheduledOperation => ({
  job,
  index,
  resource,
  start,
  end,
  setup: 0,
  setupStart: start,
});
const resources = [
  { workCenterCode: 'SUBC', windows: null },
  { workCenterCode: 'ASSY', windows: null },
];

describe('summariseSchedule: late causes', () => {
  it('names the feeding work order when the parent waited for it longer than for anything else', () => {
    const jobs: SummaryJob[] = [
      { dueMinutes: null, releaseMinutes: 0, workCenterCodes: ['SUBC'] },
      {
        dueMinutes: 50,
        releaseMinutes: 0,
        workCenterCodes: ['ASSY'],
        fedBy: [{ job: 0, workOrderNo: 'WO-SUB', itemCode: 'SUB' }],
      },
    ];
    const summary = summariseSchedule(axis, jobs, resources, [[op(0, 0, 0, 0, 60)], [op(1, 0, 1, 60, 80)]]);
    expect(summary.orders[1]).toEqual({
      start: 60,
      end: 80,
      latenessMinutes: 30,
      lateCause: {
        kind: 'material',
        code: 'SUB',
        message: '等待子工单 WO-SUB（SUB）完工 60 分钟 / waited 60 min for work order WO-SUB (SUB)',
        waitMinutes: 60,
      },
    });
  });

  it('keeps the resource cause when the wait after the feeder ended was longer', () => {
    const jobs: SummaryJob[] = [
      { dueMinutes: null, releaseMinutes: 0, workCenterCodes: ['SUBC'] },
      {
        dueMinutes: 50,
        releaseMinutes: 0,
        workCenterCodes: ['ASSY'],
        fedBy: [{ job: 0, workOrderNo: 'WO-SUB', itemCode: 'SUB' }],
      },
    ];
    const summary = summariseSchedule(axis, jobs, resources, [[op(0, 0, 0, 0, 10)], [op(1, 0, 1, 100, 120)]]);
    expect(summary.orders[1]?.lateCause).toMatchObject({ kind: 'resource', code: 'ASSY', waitMinutes: 90 });
  });
});
