import { itemApi, supplierApi, warehouseApi } from '@mes/master-data-web';
import { buyerApi } from './api/buyer.api';
import type { CodeOption } from './data';

/** Searches of the pickers (query trimmed): suppliers, purchasable items, active buyers (20 at a time). */
export const searchSuppliers = async (q: string): Promise<CodeOption[]> =>
  (await supplierApi.list({ q: q.trim(), pageSize: 20 })).items.map((s) => ({ code: s.code, name: s.name }));

export const searchItems = async (q: string): Promise<CodeOption[]> =>
  (await itemApi.list({ q: q.trim(), pageSize: 20, status: 'active' })).items.map((i) => ({
    code: i.code,
    name: i.name,
    unit: i.baseUnit,
  }));

export const searchBuyers = async (q: string): Promise<CodeOption[]> =>
  (await buyerApi.list({ q: q.trim(), pageSize: 20, active: true })).items.map((b) => ({
    code: b.code,
    name: b.name,
  }));

/** Every warehouse with its locations (a factory has a handful). */
export const loadWarehouses = async () => (await warehouseApi.list()).items;
