import { Injectable } from '@nestjs/common';
import { MasterDataLookup, type WarehouseRef } from '@mes/master-data-api';
import { ValidationFailedError } from '@mes/platform';
import {
  Dec,
  INBOUND_MOVEMENT_TYPES,
  isDecimalString,
  OUTBOUND_MOVEMENT_TYPES,
  QUANTITY_SCALE,
  type ApiErrorDetail,
  type MovementType,
} from '@mes/shared';
import type { LedgerDocument, PostingLine } from './posting-line';

const INBOUND = new Set<MovementType>(INBOUND_MOVEMENT_TYPES);
const OUTBOUND = new Set<MovementType>(OUTBOUND_MOVEMENT_TYPES);

/** `lines[2]` + `qty` → `lines[2].qty`; a single movement's fields have no prefix. */
export function fieldPath(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

export function movementDirection(type: MovementType): 'in' | 'out' | 'transfer' | 'signed' {
  if (INBOUND.has(type)) return 'in';
  if (OUTBOUND.has(type)) return 'out';
  if (type === 'transfer') return 'transfer';
  return 'signed';
}

/**
 * Turns a document's lines (codes, decimal strings) into signed posting lines against master data,
 * collecting every bad field before refusing with 400. A transfer becomes an out line and an in line.
 */
@Injectable()
export class PostingResolver {
  constructor(private readonly lookup: MasterDataLookup) {}

  async resolve(doc: LedgerDocument): Promise<PostingLine[]> {
    const direction = movementDirection(doc.type);
    const items = await this.lookup.itemsByCode(doc.lines.map((l) => l.itemCode));
    const warehouses = await this.lookup.warehousesByCode(
      doc.lines.flatMap((l) => [l.warehouseCode, ...(l.toWarehouseCode ? [l.toWarehouseCode] : [])]),
    );
    const errors: ApiErrorDetail[] = [];
    const out: PostingLine[] = [];
    if (!doc.lines.length) errors.push({ field: 'lines', message: 'must hold at least one line' });
    doc.lines.forEach((line, i) => {
      const f = line.field ?? `lines[${i}]`;
      const err = (field: string, message: string) => errors.push({ field: fieldPath(f, field), message });
      const item = items.get(line.itemCode);
      if (!item) err('itemCode', `unknown item ${line.itemCode}`);
      const warehouse = warehouses.get(line.warehouseCode);
      if (!warehouse) err('warehouseCode', `unknown warehouse ${line.warehouseCode}`);
      let qty: Dec | null = null;
      if (!isDecimalString(line.qty, QUANTITY_SCALE))
        err('qty', 'must be a decimal string with at most 6 decimals');
      else {
        qty = new Dec(line.qty);
        if (qty.isZero()) err('qty', 'must not be 0');
        else if (direction !== 'signed' && qty.isNegative()) err('qty', 'must be > 0');
      }
      const location = warehouse
        ? this.location(warehouse, line.locationCode, () =>
            err('locationCode', `unknown location ${line.locationCode ?? ''} in ${warehouse.code}`),
          )
        : null;
      const lot = line.lot?.trim() ?? '';
      if (item && lot && !item.lotTracked) err('lot', `item ${item.code} is not lot-tracked`);
      const inbound = direction === 'in' || (direction === 'signed' && qty?.gt(0));
      if (item?.lotTracked && !lot && inbound)
        err('lot', `item ${item.code} is lot-tracked: a lot is required`);
      let target: { warehouse: WarehouseRef; location: { id: string; code: string } | null } | null = null;
      if (direction === 'transfer') {
        const toCode = line.toWarehouseCode ?? line.warehouseCode;
        const toWarehouse = warehouses.get(toCode);
        if (!toWarehouse) err('toWarehouseCode', `unknown warehouse ${toCode}`);
        else {
          const toLocation = this.location(toWarehouse, line.toLocationCode, () =>
            err('toLocationCode', `unknown location ${line.toLocationCode ?? ''} in ${toWarehouse.code}`),
          );
          target = { warehouse: toWarehouse, location: toLocation ?? null };
          if (
            warehouse &&
            toWarehouse.id === warehouse.id &&
            (toLocation?.id ?? null) === (location?.id ?? null)
          )
            err('toLocationCode', 'a transfer must go to another warehouse or location');
        }
        if (item?.lotTracked && !lot)
          err('lot', `item ${item.code} is lot-tracked: name the lot to transfer`);
      }
      if (!item || !warehouse || !qty || location === undefined) return;
      const base = { field: f, item, lot, exact: Boolean(lot || !item.lotTracked) && Boolean(location) };
      if (direction === 'transfer') {
        if (!target) return;
        out.push({
          ...base,
          warehouse,
          locationId: location?.id ?? null,
          locationCode: location?.code ?? null,
          qty: qty.neg(),
          exact: false,
        });
        out.push({
          ...base,
          warehouse: target.warehouse,
          locationId: target.location?.id ?? null,
          locationCode: target.location?.code ?? null,
          qty,
        });
        return;
      }
      const signed = direction === 'out' ? qty.neg() : qty;
      out.push({
        ...base,
        warehouse,
        locationId: location?.id ?? null,
        locationCode: location?.code ?? null,
        qty: signed,
        // Signed corrections (adjustment, stocktake) always hit exactly the named balance.
        exact: direction === 'signed' || base.exact,
      });
    });
    if (errors.length) throw new ValidationFailedError(errors);
    return out;
  }

  /** The named location (undefined when it does not exist), or null when none was named. */
  private location(
    warehouse: WarehouseRef,
    code: string | null | undefined,
    onUnknown: () => void,
  ): { id: string; code: string } | null | undefined {
    if (!code) return null;
    const found = warehouse.locations.find((l) => l.code === code);
    if (!found) onUnknown();
    return found;
  }
}
