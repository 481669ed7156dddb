import { computed, ref } from 'vue';
import { useAuthStore } from '@mes/web-core';
import { masterDataReads, type WarehouseView } from '../api/master-data.api';

// The factory's warehouses with their locations, shared by the pages: shown at once from the last
// read, refreshed when a page opens (one request for pages opening together), dropped on a switch
// to another tenant.
const warehouses = ref<WarehouseView[]>([]);
let tenantOfList: string | null = null;
let inflight: Promise<void> | null = null;

export function useWarehouses() {
  const auth = useAuthStore();
  const tenantId = auth.tenant?.id ?? null;
  if (tenantId !== tenantOfList) {
    tenantOfList = tenantId;
    warehouses.value = [];
    inflight = null;
  }
  inflight ??= masterDataReads
    .warehouses()
    .then((r) => {
      if (tenantOfList === tenantId) warehouses.value = r.items;
    })
    .catch(() => undefined)
    .finally(() => {
      inflight = null;
    });
  const locationsOf = (code: string | null | undefined) =>
    warehouses.value.find((w) => w.code === code)?.locations ?? [];
  return { warehouses: computed(() => warehouses.value), locationsOf };
}

/** For specs: forget the list. */
export function resetWarehouses(): void {
  warehouses.value = [];
  tenantOfList = null;
  inflight = null;
}
