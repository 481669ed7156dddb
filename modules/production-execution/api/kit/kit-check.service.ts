import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { Dec, plainDecimal, type KitCheckLine, type KitCheckResult } from '@mes/shared';
import { WorkOrderReader } from '../work-order/work-order.reader';
import type { WorkOrderRow } from '../work-order/work-order.rows';
import { need, WorkOrderComponents } from './components.service';

/** A kit-check line with exact numbers, for release to reserve from. */
export interface KitLine extends KitCheckLine {
  itemId: string;
  requiredQty: Dec;
  reservedQty: Dec;
}

/**
 * 齐套检查: for each component of the item's default BOM in effect today,
 * required = qtyPer × (1 + scrapRate) × qty − already issued (≥ 0), available = free stock (on hand −
 * reserved, not on QC hold, every warehouse) + what is already reserved for this work order, and
 * shortage = required − available when positive. Exported for the scheduling module.
 */
@Injectable()
export class KitCheck {
  constructor(
    private readonly reader: WorkOrderReader,
    private readonly components: WorkOrderComponents,
    private readonly lookup: MasterDataLookup,
  ) {}

  async check(workOrderId: string): Promise<KitCheckResult> {
    const { ok, lines } = await this.lines(await this.reader.row(workOrderId));
    return {
      ok,
      lines: lines.map((l) => ({
        itemCode: l.itemCode,
        itemName: l.itemName,
        required: l.required,
        available: l.available,
        shortage: l.shortage,
      })),
    };
  }

  async lines(wo: WorkOrderRow): Promise<{ ok: boolean; lines: KitLine[] }> {
    const item = (await this.lookup.itemsById([wo.item_id])).get(wo.item_id);
    if (!item) return { ok: true, lines: [] };
    const components = await this.components.of(item);
    if (!components.length) return { ok: true, lines: [] };
    const issued = await this.components.issued(wo.id);
    const reserved = await this.components.reserved(wo.id);
    const free = await this.components.free(components.map((c) => c.item.code));
    const lines = components.map((c): KitLine => {
      const required = Dec.max(need(c.perUnit, wo.qty).minus(issued.get(c.item.id) ?? 0), 0);
      const reservedQty = reserved.get(c.item.code) ?? new Dec(0);
      const available = (free.get(c.item.code) ?? new Dec(0)).plus(reservedQty);
      const shortage = Dec.max(required.minus(available), 0);
      return {
        itemId: c.item.id,
        itemCode: c.item.code,
        itemName: c.item.name,
        required: plainDecimal(required),
        available: plainDecimal(available),
        shortage: plainDecimal(shortage),
        requiredQty: required,
        reservedQty,
      };
    });
    return { ok: lines.every((l) => l.shortage === '0'), lines };
  }
}
