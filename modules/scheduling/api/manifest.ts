import type { ModuleManifest } from '@mes/platform';
import { Role, type MenuEntry } from '@mes/shared';

/** 主生产计划 (附件2 row 22): the whole plant, strategies, priorities, Gantt, adjustment. */
export const MASTER_SCHEDULING_KEY = 'master-scheduling';
/** 车间计划管理 (附件2 row 32): one workshop's work centers, release with kit check. */
export const SHOP_SCHEDULING_KEY = 'shop-scheduling';
/** Either subscription opens the scheduler; they differ in scope (a run may be limited to a workshop). */
export const SCHEDULING_KEYS = [MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY] as const;

export const SCHEDULING_QUEUE = 'scheduling';
export const SCHEDULING_RUN_JOB = 'run';

export const SchedulingPermission = {
  READ: 'scheduling:read',
  /** Start and cancel runs, keep changeover data. */
  RUN: 'scheduling:run',
  /** Move and lock operations, rush-order what-if. */
  ADJUST: 'scheduling:adjust',
  PUBLISH: 'scheduling:publish',
} as const;

export const SchedulingMeter = {
  RUNS: 'scheduling.runs',
} as const;

const PLANNERS = [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER];
const permissions = {
  [SchedulingPermission.READ]: [...PLANNERS, Role.WAREHOUSE, Role.OPERATOR],
  [SchedulingPermission.RUN]: PLANNERS,
  [SchedulingPermission.ADJUST]: PLANNERS,
  [SchedulingPermission.PUBLISH]: PLANNERS,
};

const menu: MenuEntry[] = [
  { path: '/scheduling/gantt', titleZh: '排程甘特图', titleEn: 'Gantt', icon: 'Histogram' },
  { path: '/scheduling/runs', titleZh: '排产运算', titleEn: 'Scheduling runs', icon: 'Cpu' },
  { path: '/scheduling/versions', titleZh: '排产版本', titleEn: 'Schedule versions', icon: 'Files' },
  { path: '/scheduling/dispatch', titleZh: '派工单', titleEn: 'Dispatch lists', icon: 'List' },
  { path: '/scheduling/changeovers', titleZh: '换型设置', titleEn: 'Changeovers', icon: 'Switch' },
];

export const masterSchedulingManifest: ModuleManifest = {
  key: MASTER_SCHEDULING_KEY,
  nameZh: '主生产计划',
  nameEn: 'Master scheduling',
  // The catalog puts 主生产计划 after MRP; the work orders it schedules live in production-execution.
  dependsOn: ['mrp', 'production-execution'],
  permissions,
  menu,
  meters: [SchedulingMeter.RUNS],
};

export const shopSchedulingManifest: ModuleManifest = {
  key: SHOP_SCHEDULING_KEY,
  nameZh: '车间计划管理',
  nameEn: 'Shop scheduling',
  dependsOn: ['production-execution'],
  permissions,
  menu,
  meters: [SchedulingMeter.RUNS],
};
