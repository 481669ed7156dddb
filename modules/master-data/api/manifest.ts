import type { ModuleManifest } from '@mes/platform';
import { Role } from '@mes/shared';

export const MASTER_DATA_KEY = 'master-data';

export const MasterDataPermission = {
  READ: 'master-data:read',
  WRITE: 'master-data:write',
  /** Lots are recorded where goods arrive: warehouse keepers and quality too. */
  LOTS_WRITE: 'master-data.lots:write',
} as const;

/** 主数据管理 (附件2 row 13): always on, free; every other module reads it. */
export const masterDataManifest: ModuleManifest = {
  key: MASTER_DATA_KEY,
  nameZh: '主数据管理',
  nameEn: 'Master data',
  dependsOn: [],
  permissions: {
    [MasterDataPermission.READ]: [
      Role.CONTRACTOR,
      Role.TENANT_ADMIN,
      Role.PLANNER,
      Role.WAREHOUSE,
      Role.OPERATOR,
      Role.QUALITY,
      Role.MAINTENANCE,
    ],
    [MasterDataPermission.WRITE]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER],
    [MasterDataPermission.LOTS_WRITE]: [
      Role.CONTRACTOR,
      Role.TENANT_ADMIN,
      Role.PLANNER,
      Role.WAREHOUSE,
      Role.QUALITY,
    ],
  },
  menu: [
    { path: '/master-data/items', titleZh: '物料', titleEn: 'Items', icon: 'Goods' },
    { path: '/master-data/boms', titleZh: '物料清单(BOM)', titleEn: 'BOMs', icon: 'Share' },
    { path: '/master-data/routings', titleZh: '工艺路线', titleEn: 'Routings', icon: 'Operation' },
    { path: '/master-data/work-centers', titleZh: '工作中心', titleEn: 'Work centers', icon: 'Cpu' },
    { path: '/master-data/calendars', titleZh: '工作日历', titleEn: 'Shift calendars', icon: 'Calendar' },
    { path: '/master-data/units', titleZh: '计量单位', titleEn: 'Units', icon: 'ScaleToOriginal' },
    { path: '/master-data/warehouses', titleZh: '仓库库位', titleEn: 'Warehouses', icon: 'House' },
    { path: '/master-data/customers', titleZh: '客户', titleEn: 'Customers', icon: 'User' },
    { path: '/master-data/suppliers', titleZh: '供应商', titleEn: 'Suppliers', icon: 'Van' },
  ],
  meters: [],
};
