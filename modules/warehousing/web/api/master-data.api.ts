import type { BarcodeLookupResult, ItemView, WarehouseView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';

export type { BarcodeLookupResult, ItemView, WarehouseView };

/** The few master-data reads the warehousing pages need: warehouses, item search, scan lookup. */
export function createMasterDataReads(client: HttpClient = http) {
  return {
    warehouses: () => client.get<{ items: WarehouseView[]; total: number }>('/master-data/warehouses'),
    items: (q: string, pageSize = 20) =>
      client.get<{ items: ItemView[]; total: number }>('/master-data/items', {
        q: q.trim() || undefined,
        pageSize,
        status: 'active',
      }),
    /** What a scanned label is (item, `L:WH/LOC` location, lot); 404 when nothing has that code. */
    lookup: (code: string) =>
      client.get<BarcodeLookupResult>('/master-data/barcodes/lookup', { code }, { silent: true }),
  };
}

export type MasterDataReads = ReturnType<typeof createMasterDataReads>;
export const masterDataReads: MasterDataReads = createMasterDataReads();

/** The item pickers' search: the first 20 active items whose code or name matches. */
export const searchItems = async (q: string): Promise<ItemView[]> => (await masterDataReads.items(q)).items;
