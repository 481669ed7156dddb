export type ModulePricing = 'list' | 'quote';

export interface MenuEntry {
  /** Route path in the web app, e.g. "/warehousing/stock". */
  path: string;
  titleZh: string;
  titleEn: string;
  icon?: string;
}

export interface CatalogModule {
  key: string;
  no: number;
  nameZh: string;
  nameEn: string;
  category: string;
  description: string;
  /** 万元, decimal string ("6.00"); null when quoted per project. */
  priceWan: string | null;
  pricing: ModulePricing;
  kind: string;
  dependsOn: string[];
  available: boolean;
  alwaysOn: boolean;
  menu: MenuEntry[];
}

export interface SubscriptionView {
  moduleKey: string;
  status: 'active' | 'cancelled';
  startedAt: string;
  endsAt: string | null;
  priceWan: string | null;
}

export interface ListResponse<T> {
  items: T[];
  total?: number;
}
