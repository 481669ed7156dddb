import type { ModuleManifest } from '@mes/platform';
import { Role } from '@mes/shared';

export const MRP_MODULE_KEY = 'mrp';
export const MRP_QUEUE = 'mrp';
export const MRP_RUN_JOB = 'run';

export const MrpPermission = {
  READ: 'mrp:read',
  /** Start runs, keep forecasts. */
  RUN: 'mrp:run',
  /** Turn planned orders into purchase orders and work-order requests. */
  FIRM: 'mrp:firm',
} as const;

export const MrpMeter = {
  RUNS: 'mrp.runs',
} as const;

/** 物料需求计划 (附件2 row 21): 物料齐套, 库存匹配锁定, 在途与在制预留. */
export const mrpManifest: ModuleManifest = {
  key: MRP_MODULE_KEY,
  nameZh: '物料需求计划',
  nameEn: 'Material requirements planning',
  dependsOn: ['warehousing'],
  permissions: {
    [MrpPermission.READ]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER, Role.WAREHOUSE],
    [MrpPermission.RUN]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER],
    [MrpPermission.FIRM]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER],
  },
  menu: [
    { path: '/mrp/runs', titleZh: 'MRP 运算', titleEn: 'MRP runs', icon: 'Cpu' },
    { path: '/mrp/plan', titleZh: '计划订单', titleEn: 'Planned orders', icon: 'List' },
    { path: '/mrp/exceptions', titleZh: '例外信息', titleEn: 'Exceptions', icon: 'Warning' },
    { path: '/mrp/records', titleZh: 'MRP 记录', titleEn: 'MRP records', icon: 'Grid' },
    { path: '/mrp/forecasts', titleZh: '预测', titleEn: 'Forecasts', icon: 'TrendCharts' },
  ],
  meters: [MrpMeter.RUNS],
};
