import type { ModuleManifest } from '@mes/platform';
import { Role } from '@mes/shared';

export const WAREHOUSING_MODULE_KEY = 'warehousing';

export const WarehousingPermission = {
  READ: 'warehousing:read',
  WRITE: 'warehousing:write',
  STOCKTAKE: 'warehousing:stocktake',
} as const;

export const WarehousingMeter = {
  DOCUMENTS: 'warehousing.documents',
} as const;

/** 仓储管理 (附件2 row 19): the stock ledger, reservations, lots, ageing, stocktake, scanning. */
export const warehousingManifest: ModuleManifest = {
  key: WAREHOUSING_MODULE_KEY,
  nameZh: '仓储管理',
  nameEn: 'Warehousing',
  dependsOn: [],
  permissions: {
    [WarehousingPermission.READ]: [
      Role.CONTRACTOR,
      Role.TENANT_ADMIN,
      Role.PLANNER,
      Role.WAREHOUSE,
      Role.OPERATOR,
      Role.QUALITY,
    ],
    [WarehousingPermission.WRITE]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.WAREHOUSE],
    [WarehousingPermission.STOCKTAKE]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.WAREHOUSE],
  },
  menu: [
    { path: '/warehousing/stock', titleZh: '库存查询', titleEn: 'Stock', icon: 'Box' },
    { path: '/warehousing/movements', titleZh: '出入库', titleEn: 'Movements', icon: 'Switch' },
    { path: '/warehousing/reservations', titleZh: '库存预留', titleEn: 'Reservations', icon: 'Lock' },
    { path: '/warehousing/ageing', titleZh: '库存账龄', titleEn: 'Stock ageing', icon: 'Timer' },
    { path: '/warehousing/statistics', titleZh: '库存统计', titleEn: 'Statistics', icon: 'DataAnalysis' },
    { path: '/warehousing/stocktakes', titleZh: '盘点', titleEn: 'Stocktake', icon: 'Checked' },
    { path: '/warehousing/mobile', titleZh: '移动作业', titleEn: 'Mobile', icon: 'Iphone' },
  ],
  meters: [WarehousingMeter.DOCUMENTS],
};
