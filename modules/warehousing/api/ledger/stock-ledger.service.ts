import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { DocumentNumbers, TenantDb, UsageMeter } from '@mes/platform';
import { Dec, newId, plainDecimal, type MovementDocView, type MovementView } from '@mes/shared';
import { WAREHOUSING_MODULE_KEY, WarehousingMeter } from '../manifest';
import { QC_HOLD_LOCATION } from '../shared/qc-hold';
import { InsufficientStockError, type Shortage } from '../shared/warehousing.errors';
import type { LedgerDocument, PostingLine } from './posting-line';
import { fieldPath, movementDirection, PostingResolver } from './posting-resolver';

const DOC_PREFIX: Record<ReturnType<typeof movementDirection>, string> = {
  in: 'RK',
  out: 'CK',
  transfer: 'DB',
  signed: 'TZ',
};

interface BalanceRow {
  id: string;
  location_id: string | null;
  lot_no: string;
  on_hand: string;
  reserved: string;
}

interface ReservationRow {
  id: string;
  balance_id: string;
  open_qty: string;
}

/** A ledger row about to be written, with the codes its view needs. */
interface Entry {
  line: PostingLine;
  balanceId: string;
  locationId: string | null;
  locationCode: string | null;
  lot: string;
  qty: Dec;
  reservationId: string | null;
}

export interface PostOptions {
  /** Stocktake postings may take stock below what is reserved (the count is the truth). */
  ignoreReservations?: boolean;
}

/**
 * The one writer of stock. A document's lines become ledger rows; each row's balance (item,
 * warehouse, location, lot) changes in the same transaction under a row lock, so a balance always
 * equals the sum of its movements and two issues can never both take the last piece.
 */
@Injectable()
export class StockLedger {
  constructor(
    private readonly db: TenantDb,
    private readonly resolver: PostingResolver,
    private readonly lookup: MasterDataLookup,
    private readonly numbers: DocumentNumbers,
    private readonly usage: UsageMeter,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async post(
    tenantId: string,
    actorId: string | null,
    doc: LedgerDocument,
    options: PostOptions = {},
  ): Promise<MovementDocView> {
    const lines = await this.resolver.resolve(doc);
    const now = new Date();
    const entries: Entry[] = [];
    const shortages: Shortage[] = [];
    for (const line of lines) {
      if (line.qty.gt(0)) {
        entries.push(await this.inbound(tenantId, line, now, doc.supplierId ?? null));
      } else {
        const taken = await this.outbound(line, now, doc, options, shortages);
        entries.push(...taken);
      }
    }
    if (shortages.length) throw new InsufficientStockError(shortages);
    const docNo = await this.numbers.next(tenantId, DOC_PREFIX[movementDirection(doc.type)], now);
    const views = await this.insertMovements(tenantId, actorId, docNo, doc, entries, now);
    await this.usage.record(tenantId, WarehousingMeter.DOCUMENTS, '1', `doc:${docNo}`, {
      moduleKey: WAREHOUSING_MODULE_KEY,
      occurredAt: now,
    });
    return { docNo, movements: views };
  }

  private async inbound(
    tenantId: string,
    line: PostingLine,
    now: Date,
    supplierId: string | null,
  ): Promise<Entry> {
    if (line.lot) await this.lookup.ensureLot(tenantId, line.item.id, line.lot, supplierId);
    const [row] = await this.m.query<{ id: string }[]>(
      `INSERT INTO wh_balances (tenant_id, id, item_id, warehouse_id, location_id, lot_no, on_hand, held, first_in_at, last_movement_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT ON CONSTRAINT wh_balances_key DO UPDATE
         SET on_hand = wh_balances.on_hand + EXCLUDED.on_hand, last_movement_at = EXCLUDED.last_movement_at,
             first_in_at = CASE WHEN wh_balances.on_hand <= 0 THEN EXCLUDED.first_in_at ELSE wh_balances.first_in_at END
       RETURNING id`,
      [
        tenantId,
        newId(),
        line.item.id,
        line.warehouse.id,
        line.locationId,
        line.lot,
        line.qty.toFixed(),
        line.locationCode === QC_HOLD_LOCATION.code,
        now,
      ],
    );
    if (!row) throw new Error('balance upsert returned no row');
    return {
      line,
      balanceId: row.id,
      locationId: line.locationId,
      locationCode: line.locationCode,
      lot: line.lot,
      qty: line.qty,
      reservationId: null,
    };
  }

  /**
   * Takes |qty| out: first from stock reserved for the document's demand (when it names one), then
   * from free stock, oldest first, among the balances the line allows. Shortages are collected.
   */
  private async outbound(
    line: PostingLine,
    now: Date,
    doc: LedgerDocument,
    options: PostOptions,
    shortages: Shortage[],
  ): Promise<Entry[]> {
    let remaining = line.qty.neg();
    const entries: Entry[] = [];
    const take = (b: BalanceRow, qty: Dec, reservationId: string | null) => {
      entries.push({
        line,
        balanceId: b.id,
        locationId: b.location_id,
        locationCode:
          b.location_id === line.locationId ? line.locationCode : this.locationCode(line, b.location_id),
        lot: b.lot_no,
        qty: qty.neg(),
        reservationId,
      });
      remaining = remaining.minus(qty);
    };

    if (doc.consumeReservationsOf) {
      const reservations = await this.m.query<(ReservationRow & BalanceRow)[]>(
        `SELECT r.id, r.balance_id, r.open_qty, b.location_id, b.lot_no, b.on_hand, b.reserved
           FROM wh_reservations r JOIN wh_balances b ON b.tenant_id = r.tenant_id AND b.id = r.balance_id
          WHERE r.status = 'open' AND r.demand_type = $1 AND r.demand_ref = $2 AND r.item_id = $3 AND r.warehouse_id = $4
            AND ($5::uuid IS NULL OR b.location_id = $5) AND ($6 = '' OR b.lot_no = $6)
          ORDER BY b.first_in_at, r.created_at FOR UPDATE OF r, b`,
        [
          doc.consumeReservationsOf.demandType,
          doc.consumeReservationsOf.demandRef,
          line.item.id,
          line.warehouse.id,
          // A line that names a location or lot takes only reservations held there.
          line.locationId,
          line.lot,
        ],
      );
      for (const r of reservations) {
        if (!remaining.gt(0)) break;
        const qty = Dec.min(remaining, new Dec(r.open_qty));
        await this.m.query(
          `UPDATE wh_balances SET on_hand = on_hand - $2, reserved = reserved - $2, last_movement_at = $3 WHERE id = $1`,
          [r.balance_id, qty.toFixed(), now],
        );
        await this.m.query(
          `UPDATE wh_reservations SET open_qty = open_qty - $2, updated_at = $3,
             status = CASE WHEN open_qty - $2 = 0 THEN 'consumed' ELSE status END WHERE id = $1`,
          [r.id, qty.toFixed(), now],
        );
        take({ ...r, id: r.balance_id }, qty, r.id);
      }
    }
    if (!remaining.gt(0)) return entries;

    const params: unknown[] = [line.item.id, line.warehouse.id];
    let filter = '';
    if (line.exact) {
      params.push(line.locationId, line.lot);
      filter = `AND location_id IS NOT DISTINCT FROM $3 AND lot_no = $4`;
    } else {
      if (line.locationId) {
        params.push(line.locationId);
        filter += ` AND location_id = $${params.length}`;
      } else filter += ' AND NOT held';
      if (line.lot) {
        params.push(line.lot);
        filter += ` AND lot_no = $${params.length}`;
      }
    }
    const balances = await this.m.query<BalanceRow[]>(
      `SELECT id, location_id, lot_no, on_hand::text, reserved::text FROM wh_balances
        WHERE item_id = $1 AND warehouse_id = $2 ${filter}
        ORDER BY first_in_at, id FOR UPDATE`,
      params,
    );
    const free = (b: BalanceRow) => {
      const f = options.ignoreReservations ? new Dec(b.on_hand) : new Dec(b.on_hand).minus(b.reserved);
      return Dec.max(f, 0);
    };
    for (const b of balances) {
      if (!remaining.gt(0)) break;
      const qty = Dec.min(remaining, free(b));
      if (!qty.gt(0)) continue;
      await this.m.query(
        `UPDATE wh_balances SET on_hand = on_hand - $2, last_movement_at = $3 WHERE id = $1`,
        [b.id, qty.toFixed(), now],
      );
      take(b, qty, null);
    }
    if (!remaining.gt(0)) return entries;

    if (line.warehouse.allowNegativeStock) {
      // The warehouse allows negative stock: the rest goes below zero on the named balance.
      const [row] = await this.m.query<{ id: string }[]>(
        `INSERT INTO wh_balances (tenant_id, id, item_id, warehouse_id, location_id, lot_no, on_hand, held, first_in_at, last_movement_at)
         VALUES (app_current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT ON CONSTRAINT wh_balances_key DO UPDATE
           SET on_hand = wh_balances.on_hand + EXCLUDED.on_hand, last_movement_at = EXCLUDED.last_movement_at
         RETURNING id`,
        [
          newId(),
          line.item.id,
          line.warehouse.id,
          line.locationId,
          line.lot,
          remaining.neg().toFixed(),
          line.locationCode === QC_HOLD_LOCATION.code,
          now,
        ],
      );
      if (!row) throw new Error('balance upsert returned no row');
      take(
        { id: row.id, location_id: line.locationId, lot_no: line.lot, on_hand: '0', reserved: '0' },
        remaining,
        null,
      );
      return entries;
    }
    const requested = line.qty.neg();
    shortages.push({
      field: fieldPath(line.field, 'qty'),
      itemCode: line.item.code,
      warehouseCode: line.warehouse.code,
      requested: plainDecimal(requested),
      available: plainDecimal(requested.minus(remaining)),
    });
    return entries;
  }

  private locationCode(line: PostingLine, locationId: string | null): string | null {
    if (!locationId) return null;
    return line.warehouse.locations.find((l) => l.id === locationId)?.code ?? null;
  }

  private async insertMovements(
    tenantId: string,
    actorId: string | null,
    docNo: string,
    doc: LedgerDocument,
    entries: Entry[],
    now: Date,
  ): Promise<MovementView[]> {
    const views: MovementView[] = [];
    const values: unknown[] = [];
    const rows: string[] = [];
    const ref = doc.ref?.trim() || null;
    const note = doc.note?.trim() ?? '';
    for (const e of entries) {
      const id = newId();
      const base = values.length;
      values.push(
        tenantId,
        id,
        docNo,
        doc.type,
        e.balanceId,
        e.line.item.id,
        e.line.warehouse.id,
        e.locationId,
        e.lot,
        e.qty.toFixed(),
        ref,
        e.reservationId,
        note,
        actorId,
        now,
      );
      rows.push(`(${Array.from({ length: 15 }, (_, k) => `$${base + k + 1}`).join(', ')})`);
      views.push({
        id,
        docNo,
        type: doc.type,
        itemCode: e.line.item.code,
        itemName: e.line.item.name,
        warehouseCode: e.line.warehouse.code,
        locationCode: e.locationCode,
        lot: e.lot || null,
        qty: plainDecimal(e.qty),
        ref,
        note,
        createdBy: actorId,
        createdAt: now.toISOString(),
      });
    }
    // 15 parameters a row: PostgreSQL takes at most 65 535 in one statement.
    for (let i = 0; i < rows.length; i += 4000) {
      const chunk = rows.slice(i, i + 4000);
      const offset = i * 15;
      await this.m.query(
        `INSERT INTO wh_movements (tenant_id, id, doc_no, type, balance_id, item_id, warehouse_id, location_id,
           lot_no, qty, ref, reservation_id, note, created_by, created_at) VALUES ${chunk
             .map((r) => r.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) - offset}`))
             .join(', ')}`,
        values.slice(offset, offset + chunk.length * 15),
      );
    }
    return views;
  }
}
