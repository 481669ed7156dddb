import { describe, expect, it } from 'vitest';
import type { BarcodeLookupResult, ItemView } from '@mes/shared';
import {
  applyScan,
  emptyScanState,
  missingForSubmit,
  nextLocationSlot,
  normalizeScan,
  parseLocationLabel,
  scanToMovement,
  type ScanState,
} from './scan';

const item = (patch: Partial<ItemView> = {}): ItemView =>
  ({
    id: 'i1',
    code: 'BRG-608',
    name: '深沟球轴承 608',
    baseUnit: 'pcs',
    lotTracked: false,
    defaultWarehouseCode: 'WH-RM',
    ...patch,
  }) as ItemView;

const location = (warehouseCode: string, code: string): BarcodeLookupResult => ({
  kind: 'location',
  scanned: `L:${warehouseCode}/${code}`,
  location: { id: 'l', code, name: code, warehouseCode, warehouseName: warehouseCode },
});

const lot = (itemCode: string, lotNo: string): BarcodeLookupResult => ({
  kind: 'lot',
  scanned: `${itemCode}/${lotNo}`,
  lot: {
    id: 'lot',
    itemCode,
    itemName: '漆包线',
    lotNo,
    supplierLot: '',
    supplierCode: null,
    manufacturedOn: null,
    expiresOn: null,
    note: '',
    createdAt: '',
  },
});

describe('scan parsing', () => {
  it('cleans what a keyboard-wedge scanner typed', () => {
    expect(normalizeScan('  BRG-608\r\n')).toBe('BRG-608');
    expect(normalizeScan('\u0002L:WH-RM/A-01\u0003')).toBe('L:WH-RM/A-01');
    expect(normalizeScan(']C1BRG-608')).toBe('BRG-608');
    expect(normalizeScan('\t')).toBe('');
  });

  it('reads a location label L:WH/LOC', () => {
    expect(parseLocationLabel('L:WH-RM/A-01')).toEqual({ warehouseCode: 'WH-RM', locationCode: 'A-01' });
    expect(parseLocationLabel('LOC:WH/X', 'LOC:')).toEqual({ warehouseCode: 'WH', locationCode: 'X' });
    expect(parseLocationLabel('BRG-608')).toBeNull();
    expect(parseLocationLabel('L:WH-RM')).toBeNull();
  });
});

describe('applying scans', () => {
  it('a location sets warehouse and location; an item sets the item and its default warehouse', () => {
    let s: ScanState = emptyScanState();
    const byItem = applyScan(s, { kind: 'item', scanned: 'BRG-608', item: item() }, 'receive');
    expect(byItem.state).toMatchObject({ itemCode: 'BRG-608', unit: 'pcs', warehouseCode: 'WH-RM', lot: '' });
    expect(byItem.key).toBe('warehousing.mobile.scanned.item');
    s = applyScan(byItem.state, location('WH-FG', 'F-01'), 'receive').state;
    expect(s).toMatchObject({ warehouseCode: 'WH-FG', locationCode: 'F-01', itemCode: 'BRG-608' });
    // a scanned item does not override a warehouse the location already set
    s = applyScan(s, { kind: 'item', scanned: 'x', item: item({ code: 'SCR-M4' }) }, 'receive').state;
    expect(s.warehouseCode).toBe('WH-FG');
  });

  it('a lot sets the item and the lot; another item clears the lot', () => {
    let s = applyScan(emptyScanState('WH-RM'), lot('WIR-CU05', 'CU2611-01'), 'receive').state;
    expect(s).toMatchObject({ itemCode: 'WIR-CU05', lot: 'CU2611-01', lotTracked: true });
    s = applyScan(
      s,
      { kind: 'item', scanned: 'WIR-CU05', item: item({ code: 'WIR-CU05', lotTracked: true }) },
      'receive',
    ).state;
    expect(s.lot).toBe('CU2611-01');
    s = applyScan(s, { kind: 'item', scanned: 'BRG-608', item: item() }, 'receive').state;
    expect(s.lot).toBe('');
  });

  it('in a transfer the first location is the source, the one after the item the destination', () => {
    let s = emptyScanState();
    expect(nextLocationSlot(s, 'transfer')).toBe('from');
    s = applyScan(s, location('WH-RM', 'B-01'), 'transfer').state;
    s = applyScan(s, { kind: 'item', scanned: 'BRG-608', item: item() }, 'transfer').state;
    expect(nextLocationSlot(s, 'transfer')).toBe('to');
    const out = applyScan(s, location('WH-RM', 'C-01'), 'transfer');
    expect(out.state).toMatchObject({
      locationCode: 'B-01',
      toWarehouseCode: 'WH-RM',
      toLocationCode: 'C-01',
    });
    expect(out.key).toBe('warehousing.mobile.scanned.toLocation');
    // the operator may say which place the next scan sets
    expect(applyScan(s, location('WH-RM', 'A-01'), 'transfer', 'from').state.locationCode).toBe('A-01');
    expect(nextLocationSlot(s, 'receive')).toBe('from');
  });
});

describe('mobile submit', () => {
  const ready: ScanState = {
    ...emptyScanState('WH-RM'),
    locationCode: 'B-01',
    itemCode: 'BRG-608',
    itemName: '轴承',
  };

  it('says what is missing first', () => {
    expect(missingForSubmit(emptyScanState(), '', 'receive')).toEqual(['item', 'warehouse', 'qty']);
    expect(missingForSubmit({ ...ready, lotTracked: true }, '5', 'receive')).toEqual(['lot']);
    expect(missingForSubmit({ ...ready, lotTracked: true }, '5', 'issue')).toEqual([]);
    expect(missingForSubmit(ready, '5', 'transfer')).toEqual(['destination']);
    expect(missingForSubmit(ready, '5', 'receive')).toEqual([]);
  });

  it('builds the movement: location and lot when known, destination for a transfer', () => {
    expect(scanToMovement(ready, ' 12 ', 'receipt')).toEqual({
      type: 'receipt',
      itemCode: 'BRG-608',
      warehouseCode: 'WH-RM',
      locationCode: 'B-01',
      qty: '12',
    });
    expect(scanToMovement({ ...ready, locationCode: '', lot: 'L1' }, '1', 'issue')).toEqual({
      type: 'issue',
      itemCode: 'BRG-608',
      warehouseCode: 'WH-RM',
      lot: 'L1',
      qty: '1',
    });
    expect(scanToMovement({ ...ready, toLocationCode: 'C-01' }, '3', 'transfer')).toMatchObject({
      toWarehouseCode: 'WH-RM',
      toLocationCode: 'C-01',
    });
  });
});
