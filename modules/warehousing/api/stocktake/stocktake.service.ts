import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type WarehouseRef } from '@mes/master-data-api';
import {
  DocumentNumbers,
  InvalidStatusError,
  NotFoundError,
  TenantDb,
  ValidationFailedError,
} from '@mes/platform';
import {
  Dec,
  newId,
  plainDecimal,
  type ApiErrorDetail,
  type StocktakeStatus,
  type StocktakeView,
} from '@mes/shared';
import { StockLedger } from '../ledger/stock-ledger.service';
import type { CreateStocktakeDto, StocktakeCountDto, StocktakeQueryDto } from './stocktake.dto';

interface SheetRow {
  id: string;
  no: string;
  warehouse_id: string;
  location_id: string | null;
  status: StocktakeStatus;
  note: string;
  created_at: Date;
  posted_at: Date | null;
  posted_doc_no: string | null;
  line_count: string;
  counted_count: string;
}

interface LineRow {
  id: string;
  item_id: string;
  location_id: string | null;
  lot_no: string;
  frozen_qty: string;
  counted_qty: string | null;
  counted_by: string | null;
  counted_at: Date | null;
}

const notFound = () => new NotFoundError('盘点单 / stocktake');

/**
 * 盘点: a count sheet freezes the book quantities of its scope, counts are entered (on a phone or
 * tablet, in any order, more than once), the variances are reviewed, and posting writes one
 * stocktake document whose movements are counted − frozen for every counted line.
 */
@Injectable()
export class StocktakeService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly ledger: StockLedger,
    private readonly numbers: DocumentNumbers,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async create(tenantId: string, actorId: string, dto: CreateStocktakeDto): Promise<StocktakeView> {
    const warehouse = (await this.lookup.warehousesByCode([dto.warehouseCode])).get(dto.warehouseCode);
    const errors: ApiErrorDetail[] = [];
    if (!warehouse)
      throw new ValidationFailedError([
        { field: 'warehouseCode', message: `unknown warehouse ${dto.warehouseCode}` },
      ]);
    const location = dto.locationCode ? warehouse.locations.find((l) => l.code === dto.locationCode) : null;
    if (dto.locationCode && !location)
      errors.push({
        field: 'locationCode',
        message: `unknown location ${dto.locationCode} in ${warehouse.code}`,
      });
    const items = await this.lookup.itemsByCode(dto.itemCodes ?? []);
    (dto.itemCodes ?? []).forEach((code, i) => {
      if (!items.has(code)) errors.push({ field: `itemCodes[${i}]`, message: `unknown item ${code}` });
    });
    if (errors.length) throw new ValidationFailedError(errors);
    const id = newId();
    const itemIds = [...items.values()].map((i) => i.id);
    const no = await this.numbers.next(tenantId, 'PD');
    await this.m.query(
      `INSERT INTO wh_stocktakes (tenant_id, id, no, warehouse_id, location_id, item_ids, status, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'counting', $7, $8)`,
      [tenantId, id, no, warehouse.id, location?.id ?? null, itemIds, dto.note?.trim() ?? '', actorId],
    );
    // The frozen snapshot: every balance in scope with stock (or reserved) right now, under share lock.
    await this.m.query(
      `INSERT INTO wh_stocktake_lines (tenant_id, id, stocktake_id, item_id, location_id, lot_no, frozen_qty)
       SELECT b.tenant_id, gen_random_uuid(), $1, b.item_id, b.location_id, b.lot_no, b.on_hand
         FROM wh_balances b
        WHERE b.warehouse_id = $2 AND ($3::uuid IS NULL OR b.location_id = $3)
          AND (cardinality($4::uuid[]) = 0 OR b.item_id = ANY($4)) AND b.on_hand <> 0`,
      [id, warehouse.id, location?.id ?? null, itemIds],
    );
    return this.get(id);
  }

  async list(query: StocktakeQueryDto): Promise<{ items: StocktakeView[]; total: number }> {
    const params: unknown[] = [];
    let cond = 'true';
    if (query.status) {
      params.push(query.status);
      cond = `s.status = $1`;
    }
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM wh_stocktakes s WHERE ${cond}`,
      params,
    );
    const rows = await this.sheets(
      `${cond} ORDER BY s.created_at DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const views = await Promise.all(rows.map((r) => this.toView(r, [])));
    return { items: views, total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<StocktakeView> {
    const [sheet] = await this.sheets(`s.id = $1`, [id]);
    if (!sheet) throw notFound();
    const lines = await this.m.query<LineRow[]>(
      `SELECT id, item_id, location_id, lot_no, frozen_qty::text, counted_qty::text, counted_by, counted_at
         FROM wh_stocktake_lines WHERE stocktake_id = $1`,
      [id],
    );
    return this.toView(sheet, lines);
  }

  /** Enters counts; a line found on the shelf but not on the sheet is added with a frozen 0. */
  async count(tenantId: string, actorId: string, id: string, dto: StocktakeCountDto): Promise<StocktakeView> {
    const sheet = await this.lockOpen(id, '录入盘点数');
    const warehouse = await this.warehouseOf(sheet);
    const items = await this.lookup.itemsByCode(dto.counts.flatMap((c) => (c.itemCode ? [c.itemCode] : [])));
    const errors: ApiErrorDetail[] = [];
    const now = new Date();
    for (const [i, c] of dto.counts.entries()) {
      const f = `counts[${i}]`;
      if (c.lineId) {
        // TypeORM answers an UPDATE with [rows, count]: the count says whether the line was ours.
        const [, affected] = await this.m.query<[unknown[], number]>(
          `UPDATE wh_stocktake_lines SET counted_qty = $3, counted_by = $4, counted_at = $5
            WHERE stocktake_id = $1 AND id = $2`,
          [id, c.lineId, c.countedQty, actorId, now],
        );
        if (affected !== 1) errors.push({ field: `${f}.lineId`, message: 'not a line of this stocktake' });
        continue;
      }
      const item = c.itemCode ? items.get(c.itemCode) : undefined;
      if (!item) {
        errors.push({
          field: `${f}.itemCode`,
          message: c.itemCode ? `unknown item ${c.itemCode}` : 'lineId or itemCode is required',
        });
        continue;
      }
      const location = c.locationCode ? warehouse.locations.find((l) => l.code === c.locationCode) : null;
      if (c.locationCode && !location) {
        errors.push({
          field: `${f}.locationCode`,
          message: `unknown location ${c.locationCode} in ${warehouse.code}`,
        });
        continue;
      }
      if (sheet.location_id && (location?.id ?? null) !== sheet.location_id) {
        errors.push({ field: `${f}.locationCode`, message: 'outside this stocktake’s location' });
        continue;
      }
      if (item.lotTracked && !c.lot) {
        errors.push({ field: `${f}.lot`, message: `item ${item.code} is lot-tracked: a lot is required` });
        continue;
      }
      await this.m.query(
        `INSERT INTO wh_stocktake_lines (tenant_id, id, stocktake_id, item_id, location_id, lot_no, frozen_qty, counted_qty, counted_by, counted_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9)
         ON CONFLICT ON CONSTRAINT wh_stocktake_lines_key DO UPDATE
           SET counted_qty = EXCLUDED.counted_qty, counted_by = EXCLUDED.counted_by, counted_at = EXCLUDED.counted_at`,
        [
          tenantId,
          newId(),
          id,
          item.id,
          location?.id ?? null,
          item.lotTracked ? (c.lot ?? '') : '',
          c.countedQty,
          actorId,
          now,
        ],
      );
    }
    if (errors.length) throw new ValidationFailedError(errors);
    return this.get(id);
  }

  /** Posts the variances of counted lines as one stocktake document; uncounted lines change nothing. */
  async post(tenantId: string, actorId: string, id: string): Promise<StocktakeView> {
    const sheet = await this.lockOpen(id, '过账');
    const view = await this.get(id);
    const lines = view.lines.filter((l) => l.variance !== null && !new Dec(l.variance).isZero());
    let docNo: string | null = null;
    if (lines.length) {
      const warehouse = await this.warehouseOf(sheet);
      const doc = await this.ledger.post(
        tenantId,
        actorId,
        {
          type: 'stocktake',
          ref: sheet.no,
          note: sheet.note,
          lines: lines.map((l, i) => ({
            itemCode: l.itemCode,
            warehouseCode: warehouse.code,
            locationCode: l.locationCode,
            lot: l.lot,
            qty: l.variance ?? '0',
            field: `lines[${i}]`,
          })),
        },
        { ignoreReservations: true },
      );
      docNo = doc.docNo;
    }
    await this.m.query(
      `UPDATE wh_stocktakes SET status = 'posted', posted_at = now(), posted_doc_no = $2 WHERE id = $1`,
      [id, docNo],
    );
    return this.get(id);
  }

  async cancel(id: string): Promise<StocktakeView> {
    await this.lockOpen(id, '作废');
    await this.m.query(`UPDATE wh_stocktakes SET status = 'cancelled' WHERE id = $1`, [id]);
    return this.get(id);
  }

  private async warehouseOf(sheet: SheetRow): Promise<WarehouseRef> {
    const warehouse = (await this.lookup.warehousesById([sheet.warehouse_id])).get(sheet.warehouse_id);
    if (!warehouse) throw notFound();
    return warehouse;
  }

  private async lockOpen(id: string, action: string): Promise<SheetRow> {
    const [row] = await this.m.query<SheetRow[]>(
      `SELECT id, no, warehouse_id, location_id, status, note FROM wh_stocktakes WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound();
    if (row.status !== 'counting') throw new InvalidStatusError('盘点单', row.status, action);
    return row;
  }

  private sheets(where: string, params: unknown[]): Promise<SheetRow[]> {
    return this.m.query<SheetRow[]>(
      `SELECT s.id, s.no, s.warehouse_id, s.location_id, s.status, s.note, s.created_at, s.posted_at, s.posted_doc_no,
              (SELECT count(*) FROM wh_stocktake_lines l WHERE l.stocktake_id = s.id)::text AS line_count,
              (SELECT count(*) FROM wh_stocktake_lines l WHERE l.stocktake_id = s.id AND l.counted_qty IS NOT NULL)::text AS counted_count
         FROM wh_stocktakes s WHERE ${where}`,
      params,
    );
  }

  private async toView(s: SheetRow, lines: LineRow[]): Promise<StocktakeView> {
    const warehouse = (await this.lookup.warehousesById([s.warehouse_id])).get(s.warehouse_id);
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    const locationCode = (lid: string | null) => warehouse?.locations.find((l) => l.id === lid)?.code ?? null;
    return {
      id: s.id,
      no: s.no,
      warehouseCode: warehouse?.code ?? '',
      locationCode: locationCode(s.location_id),
      status: s.status,
      note: s.note,
      lineCount: Number(s.line_count),
      countedCount: Number(s.counted_count),
      lines: lines
        .map((l) => ({
          id: l.id,
          itemCode: items.get(l.item_id)?.code ?? '',
          itemName: items.get(l.item_id)?.name ?? '',
          locationCode: locationCode(l.location_id),
          lot: l.lot_no || null,
          frozenQty: plainDecimal(l.frozen_qty),
          countedQty: l.counted_qty === null ? null : plainDecimal(l.counted_qty),
          variance: l.counted_qty === null ? null : plainDecimal(new Dec(l.counted_qty).minus(l.frozen_qty)),
          countedBy: l.counted_by,
          countedAt: l.counted_at?.toISOString() ?? null,
        }))
        .sort((a, b) =>
          `${a.locationCode ?? ''}/${a.itemCode}/${a.lot ?? ''}`.localeCompare(
            `${b.locationCode ?? ''}/${b.itemCode}/${b.lot ?? ''}`,
          ),
        ),
      createdAt: s.created_at.toISOString(),
      postedAt: s.posted_at?.toISOString() ?? null,
      postedDocNo: s.posted_doc_no,
    };
  }
}
