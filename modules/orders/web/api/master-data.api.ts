import type { ItemView, PartnerView, WarehouseView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';

export type { ItemView, PartnerView, WarehouseView };

/** The few master-data reads the order pages need: customer and item search, warehouses. */
export function createMasterDataReads(client: HttpClient = http) {
  return {
    customers: (q: string, pageSize = 20) =>
      client.get<{ items: PartnerView[]; total: number }>('/master-data/customers', {
        q: q.trim() || undefined,
        pageSize,
      }),
    items: (q: string, pageSize = 20) =>
      client.get<{ items: ItemView[]; total: number }>('/master-data/items', {
        q: q.trim() || undefined,
        pageSize,
        status: 'active',
      }),
    warehouses: () => client.get<{ items: WarehouseView[]; total: number }>('/master-data/warehouses'),
  };
}

export type MasterDataReads = ReturnType<typeof createMasterDataReads>;
export const masterDataReads: MasterDataReads = createMasterDataReads();
