import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb } from '@mes/platform';
import { plainDecimal, type ProductionOutputRow, type ProductionOutputView } from '@mes/shared';

interface SumRow {
  work_center_id: string;
  item_id: string;
  good: string;
  scrap: string;
  n: number;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * 今日产出: the work reports of one local day (the tenant's time zone), summed per work center (of the
 * reported operation) and item. The plan side comes from the published schedule (the web reads it).
 */
@Injectable()
export class ProductionOutputService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  async output(tenantId: string, date?: string): Promise<ProductionOutputView> {
    const m = this.db.manager;
    const [zone] = await m.query<{ tz: string; today: string }[]>(
      `SELECT tz, to_char((now() AT TIME ZONE tz)::date, 'YYYY-MM-DD') AS today
         FROM (SELECT coalesce((SELECT time_zone FROM platform.tenants WHERE id = $1), $2) AS tz) z`,
      [tenantId, DEFAULT_TIME_ZONE],
    );
    const timeZone = zone?.tz ?? DEFAULT_TIME_ZONE;
    const day = date ?? zone?.today ?? new Date().toISOString().slice(0, 10);
    // The day's bounds as instants, so that the (tenant, work order, reported_at) index still serves.
    const sums = await m.query<SumRow[]>(
      `SELECT o.work_center_id, w.item_id, sum(r.good_qty)::text AS good, sum(r.scrap_qty)::text AS scrap,
              count(*)::int AS n
         FROM pe_reports r
         JOIN pe_work_orders w ON w.tenant_id = r.tenant_id AND w.id = r.work_order_id
         JOIN pe_operations o
           ON o.tenant_id = r.tenant_id AND o.work_order_id = r.work_order_id AND o.seq = r.operation_seq
        WHERE r.reported_at >= ($1::date::timestamp AT TIME ZONE $2)
          AND r.reported_at < (($1::date + 1)::timestamp AT TIME ZONE $2)
        GROUP BY o.work_center_id, w.item_id`,
      [day, timeZone],
    );
    const items = await this.lookup.itemsById(sums.map((s) => s.item_id));
    const centers = new Map((await this.lookup.workCenters()).map((c) => [c.id, c]));
    const rows: ProductionOutputRow[] = sums.map((s) => {
      const item = items.get(s.item_id);
      const center = centers.get(s.work_center_id);
      return {
        workCenterId: s.work_center_id,
        workCenterCode: center?.code ?? '',
        workCenterName: center?.name ?? '',
        itemId: s.item_id,
        itemCode: item?.code ?? '',
        itemName: item?.name ?? '',
        unit: item?.unit ?? '',
        goodQty: plainDecimal(s.good),
        scrapQty: plainDecimal(s.scrap),
        reportCount: s.n,
      };
    });
    rows.sort(
      (a, b) => a.workCenterCode.localeCompare(b.workCenterCode) || a.itemCode.localeCompare(b.itemCode),
    );
    return { date: day, timeZone, rows };
  }
}
