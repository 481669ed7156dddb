import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { NotFoundError, TenantDb, ValidationFailedError, type Actor } from '@mes/platform';
import { newId, plainDecimal, type MrpForecastView } from '@mes/shared';
import type { MrpForecastDto, MrpForecastQueryDto } from './mrp-forecast.dto';

interface ForecastRow {
  id: string;
  item_id: string;
  qty: string;
  due_date: string;
  note: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, item_id, qty::text, to_char(due_date, 'YYYY-MM-DD') AS due_date, note, created_at, updated_at`;
const FORECAST = '预测 / forecast';

/** 预测: independent demand the planner expects beyond the sales orders (added to them, not netted). */
@Injectable()
export class MrpForecasts {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: MrpForecastQueryDto): Promise<{ items: MrpForecastView[]; total: number }> {
    const params: unknown[] = [];
    let where = 'true';
    if (query.itemCode) {
      const item = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!item) return { items: [], total: 0 };
      params.push(item.id);
      where = 'item_id = $1';
    }
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM mrp_forecasts WHERE ${where}`,
      params,
    );
    const rows = await this.m.query<ForecastRow[]>(
      `SELECT ${COLUMNS} FROM mrp_forecasts WHERE ${where} ORDER BY due_date, created_at, id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await this.views(rows), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<MrpForecastView> {
    const [row] = await this.m.query<ForecastRow[]>(`SELECT ${COLUMNS} FROM mrp_forecasts WHERE id = $1`, [
      id,
    ]);
    if (!row) throw new NotFoundError(FORECAST);
    const [view] = await this.views([row]);
    if (!view) throw new NotFoundError(FORECAST);
    return view;
  }

  async create(actor: Actor & { tenantId: string }, dto: MrpForecastDto): Promise<MrpForecastView> {
    const itemId = await this.itemId(dto.itemCode);
    const id = newId();
    await this.m.query(
      `INSERT INTO mrp_forecasts (tenant_id, id, item_id, qty, due_date, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.tenantId, id, itemId, dto.qty, dto.dueDate, dto.note ?? '', actor.userId],
    );
    return this.get(id);
  }

  async replace(id: string, dto: MrpForecastDto): Promise<MrpForecastView> {
    const itemId = await this.itemId(dto.itemCode);
    const [, count] = await this.m.query<[unknown, number]>(
      `UPDATE mrp_forecasts SET item_id = $2, qty = $3, due_date = $4, note = $5, updated_at = now() WHERE id = $1`,
      [id, itemId, dto.qty, dto.dueDate, dto.note ?? ''],
    );
    if (!count) throw new NotFoundError(FORECAST);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const [, count] = await this.m.query<[unknown, number]>(`DELETE FROM mrp_forecasts WHERE id = $1`, [id]);
    if (!count) throw new NotFoundError(FORECAST);
  }

  private async itemId(code: string): Promise<string> {
    const item = (await this.lookup.itemsByCode([code])).get(code);
    if (!item)
      throw new ValidationFailedError([
        { field: 'itemCode', message: `未知物料 ${code} / unknown item ${code}` },
      ]);
    return item.id;
  }

  private async views(rows: ForecastRow[]): Promise<MrpForecastView[]> {
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    return rows.map((r) => ({
      id: r.id,
      itemCode: items.get(r.item_id)?.code ?? '',
      itemName: items.get(r.item_id)?.name ?? '',
      unit: items.get(r.item_id)?.unit ?? '',
      qty: plainDecimal(r.qty),
      dueDate: r.due_date,
      note: r.note,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }));
  }
}
