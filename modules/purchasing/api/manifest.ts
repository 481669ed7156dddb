import type { ModuleManifest } from '@mes/platform';
import { Role } from '@mes/shared';

export const PURCHASING_MODULE_KEY = 'purchasing';

export const PurchasingPermission = {
  READ: 'purchasing:read',
  WRITE: 'purchasing:write',
  APPROVE: 'purchasing:approve',
  RECEIVE: 'purchasing:receive',
} as const;

export const PurchasingMeter = {
  PURCHASE_ORDERS: 'purchasing.purchase-orders',
  RECEIPTS: 'purchasing.receipts',
} as const;

/** 采购管理 (附件2 row 20): buyers, supplier prices, to-buy list, purchase orders, receipts, returns, closing. */
export const purchasingManifest: ModuleManifest = {
  key: PURCHASING_MODULE_KEY,
  nameZh: '采购管理',
  nameEn: 'Purchasing',
  dependsOn: ['warehousing'],
  permissions: {
    [PurchasingPermission.READ]: [
      Role.CONTRACTOR,
      Role.TENANT_ADMIN,
      Role.PLANNER,
      Role.WAREHOUSE,
      Role.QUALITY,
    ],
    [PurchasingPermission.WRITE]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.PLANNER],
    [PurchasingPermission.APPROVE]: [Role.CONTRACTOR, Role.TENANT_ADMIN],
    [PurchasingPermission.RECEIVE]: [Role.CONTRACTOR, Role.TENANT_ADMIN, Role.WAREHOUSE],
  },
  menu: [
    { path: '/purchasing/orders', titleZh: '采购订单', titleEn: 'Purchase orders', icon: 'ShoppingCart' },
    { path: '/purchasing/pending-receipts', titleZh: '待收货', titleEn: 'Pending receipts', icon: 'Van' },
    { path: '/purchasing/requisitions', titleZh: '待采购清单', titleEn: 'To-buy list', icon: 'List' },
    { path: '/purchasing/prices', titleZh: '采购价格', titleEn: 'Supplier prices', icon: 'PriceTag' },
    { path: '/purchasing/buyers', titleZh: '采购员', titleEn: 'Buyers', icon: 'User' },
  ],
  meters: [PurchasingMeter.PURCHASE_ORDERS, PurchasingMeter.RECEIPTS],
};
