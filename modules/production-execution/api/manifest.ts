import type { ModuleManifest } from '@mes/platform';
import { Role } from '@mes/shared';

export const PRODUCTION_EXECUTION_MODULE_KEY = 'production-execution';

export const ProductionExecutionPermission = {
  READ: 'production-execution:read',
  WRITE: 'production-execution:write',
  REPORT: 'production-execution:report',
} as const;

export const ProductionExecutionMeter = {
  REPORTS: 'production-execution.reports',
} as const;

/** 生产过程管理 (附件2 row 33): work orders from release to close, and the shop floor's work reports (报工). */
export const productionExecutionManifest: ModuleManifest = {
  key: PRODUCTION_EXECUTION_MODULE_KEY,
  nameZh: '生产过程管理',
  nameEn: 'Production execution',
  dependsOn: ['warehousing'],
  permissions: {
    [ProductionExecutionPermission.READ]: [
      Role.CONTRACTOR,
      Role.TENANT_ADMIN,
      Role.PLANNER,
      Role.WAREHOUSE,
      Role.OPERATOR,
      Role.QUALITY,
    ],
    [ProductionExecutionPermission.WRITE]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER],
    [ProductionExecutionPermission.REPORT]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER, Role.OPERATOR],
  },
  menu: [
    {
      path: '/production-execution/work-orders',
      titleZh: '工单',
      titleEn: 'Work orders',
      icon: 'Tickets',
    },
    { path: '/production-execution/wip', titleZh: '在制看板', titleEn: 'WIP board', icon: 'Monitor' },
    {
      path: '/production-execution/output',
      titleZh: '今日产出',
      titleEn: "Today's output",
      icon: 'DataLine',
    },
    { path: '/production-execution/operators', titleZh: '操作工', titleEn: 'Operators', icon: 'User' },
    { path: '/shopfloor', titleZh: '车间报工', titleEn: 'Shop-floor reporting', icon: 'Iphone' },
  ],
  meters: [ProductionExecutionMeter.REPORTS],
};
