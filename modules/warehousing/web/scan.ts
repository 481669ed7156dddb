import type { BarcodeLookupResult, MovementInput, MovementType } from '@mes/shared';

/** What the mobile pages have gathered from scans and taps so far. */
export interface ScanState {
  warehouseCode: string;
  locationCode: string;
  itemCode: string;
  itemName: string;
  unit: string;
  lotTracked: boolean;
  lot: string;
  /** Transfers: where the stock goes. */
  toWarehouseCode: string;
  toLocationCode: string;
}

export type ScanTask = 'receive' | 'issue' | 'transfer';

export const emptyScanState = (warehouseCode = ''): ScanState => ({
  warehouseCode,
  locationCode: '',
  itemCode: '',
  itemName: '',
  unit: '',
  lotTracked: false,
  lot: '',
  toWarehouseCode: '',
  toLocationCode: '',
});

/**
 * What a keyboard-wedge scanner typed, cleaned: no control characters (some scanners send a
 * prefix/suffix such as STX/ETX or a tab), no AIM symbology identifier ("]C0"), trimmed.
 */
export function normalizeScan(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^\][A-Za-z]\d/, '')
    .trim();
}

/** A location label `L:WH/LOC` (the default prefix) read without the server, or null. */
export function parseLocationLabel(
  code: string,
  prefix = 'L:',
): { warehouseCode: string; locationCode: string } | null {
  if (!code.startsWith(prefix)) return null;
  const m = /^([^/]+)\/(.+)$/.exec(code.slice(prefix.length));
  return m?.[1] && m[2] ? { warehouseCode: m[1], locationCode: m[2] } : null;
}

/** Which place a location scan fills in a transfer: the source first, the destination once an item is there. */
export type LocationSlot = 'from' | 'to';

export function nextLocationSlot(state: ScanState, task: ScanTask): LocationSlot {
  if (task !== 'transfer') return 'from';
  return state.itemCode && state.locationCode ? 'to' : 'from';
}

export interface ScanOutcome {
  state: ScanState;
  /** i18n key (under warehousing.mobile.scanned) and values telling what the scan did. */
  key: string;
  params: Record<string, string>;
}

/**
 * Applies a looked-up label: a location sets the warehouse and location (in a transfer, the
 * destination once the source and the item are known, or when `slot` says so); an item sets the
 * item (and clears a lot of another item); a lot sets item and lot.
 */
export function applyScan(
  state: ScanState,
  result: BarcodeLookupResult,
  task: ScanTask,
  slot: LocationSlot = nextLocationSlot(state, task),
): ScanOutcome {
  switch (result.kind) {
    case 'location': {
      const { warehouseCode, code } = result.location;
      const ref = `${warehouseCode}/${code}`;
      if (task === 'transfer' && slot === 'to')
        return {
          state: { ...state, toWarehouseCode: warehouseCode, toLocationCode: code },
          key: 'warehousing.mobile.scanned.toLocation',
          params: { ref },
        };
      return {
        state: { ...state, warehouseCode, locationCode: code },
        key: 'warehousing.mobile.scanned.location',
        params: { ref },
      };
    }
    case 'item': {
      const { item } = result;
      const same = item.code === state.itemCode;
      return {
        state: {
          ...state,
          itemCode: item.code,
          itemName: item.name,
          unit: item.baseUnit,
          lotTracked: item.lotTracked,
          lot: same ? state.lot : '',
          warehouseCode: state.warehouseCode || item.defaultWarehouseCode || '',
        },
        key: 'warehousing.mobile.scanned.item',
        params: { code: item.code, name: item.name },
      };
    }
    case 'lot': {
      const { lot } = result;
      return {
        state: {
          ...state,
          itemCode: lot.itemCode,
          itemName: lot.itemName,
          unit: lot.itemCode === state.itemCode ? state.unit : '',
          lotTracked: true,
          lot: lot.lotNo,
        },
        key: 'warehousing.mobile.scanned.lot',
        params: { code: lot.itemCode, lot: lot.lotNo },
      };
    }
  }
}

/** The movement type each mobile task posts. */
export const TASK_TYPES: Record<ScanTask, MovementType> = {
  receive: 'receipt',
  issue: 'issue',
  transfer: 'transfer',
};

/** i18n keys (under warehousing.mobile.missing) of what is still needed before 确认, in order. */
export function missingForSubmit(state: ScanState, qty: string, task: ScanTask): string[] {
  const missing: string[] = [];
  if (!state.itemCode) missing.push('item');
  if (!state.warehouseCode) missing.push('warehouse');
  if (state.lotTracked && !state.lot.trim() && task !== 'issue') missing.push('lot');
  if (task === 'transfer' && !state.toWarehouseCode && !state.toLocationCode) missing.push('destination');
  if (!qty.trim()) missing.push('qty');
  return missing;
}

/** The movement of a mobile task. */
export function scanToMovement(state: ScanState, qty: string, type: MovementType): MovementInput {
  const input: MovementInput = {
    type,
    itemCode: state.itemCode,
    warehouseCode: state.warehouseCode,
    qty: qty.trim(),
  };
  if (state.locationCode) input.locationCode = state.locationCode;
  if (state.lot.trim()) input.lot = state.lot.trim();
  if (type === 'transfer') {
    input.toWarehouseCode = state.toWarehouseCode || state.warehouseCode;
    if (state.toLocationCode) input.toLocationCode = state.toLocationCode;
  }
  return input;
}
