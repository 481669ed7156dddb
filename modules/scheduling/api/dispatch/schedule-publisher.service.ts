import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvalidStatusError, TenantDb } from '@mes/platform';
import { SchedulableWorkOrders } from '@mes/production-execution-api';
import type { DispatchListView, ScheduleVersionView } from '@mes/shared';
import { VERSION, ScheduleVersionReader } from '../version/schedule-version.reader';
import { versionView, type VersionRow } from '../version/schedule-version.rows';

/**
 * Publishing a version makes it the shop floor's plan: one published version per tenant (the one
 * before becomes superseded), and each work center's dispatch list (派工单) is its operations in that
 * version in start order, without the operations the floor has finished since.
 */
@Injectable()
export class SchedulePublisher {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: ScheduleVersionReader,
    private readonly workOrders: SchedulableWorkOrders,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async publish(id: string): Promise<ScheduleVersionView> {
    const version = await this.reader.row(id, this.m, true);
    if (version.status === 'published') throw new InvalidStatusError(VERSION, version.status, 'publish');
    await this.m.query(`UPDATE sch_versions SET status = 'superseded' WHERE status = 'published'`);
    const [rows] = await this.m.query<[VersionRow[], number]>(
      `UPDATE sch_versions SET status = 'published', published_at = now() WHERE id = $1 RETURNING *`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new Error('published version vanished');
    return versionView(row);
  }

  async dispatchList(workCenterCode: string): Promise<DispatchListView> {
    const [version] = await this.m.query<VersionRow[]>(
      `SELECT * FROM sch_versions WHERE status = 'published'`,
    );
    if (!version) return { workCenterCode, versionId: null, versionNo: null, publishedAt: null, items: [] };
    const rows = await this.m.query<
      {
        id: string;
        work_order_id: string;
        work_order_no: string;
        item_code: string;
        item_name: string;
        seq: number;
        name: string;
        resource_code: string;
        setup_start: Date;
        start_at: Date;
        end_at: Date;
        qty: string;
        due_date: string | null;
        locked: boolean;
      }[]
    >(
      `SELECT o.id, o.work_order_id, w.work_order_no, w.item_code, w.item_name, o.seq, o.name, o.resource_code,
              o.setup_start, o.start_at, o.end_at, o.qty::text AS qty, to_char(w.due_date, 'YYYY-MM-DD') AS due_date, o.locked
         FROM sch_version_operations o
         JOIN sch_version_orders w ON w.version_id = o.version_id AND w.job = o.job
        WHERE o.version_id = $1 AND o.work_center_code = $2
        ORDER BY o.start_at, o.resource_code`,
      [version.id, workCenterCode],
    );
    const open = await this.workOrders.open();
    const pending = new Set(
      open.flatMap((wo) =>
        wo.operations.filter((op) => op.status !== 'done').map((op) => `${wo.id}:${op.seq}`),
      ),
    );
    return {
      workCenterCode,
      versionId: version.id,
      versionNo: version.no,
      publishedAt: version.published_at?.toISOString() ?? null,
      items: rows
        .filter((r) => pending.has(`${r.work_order_id}:${r.seq}`))
        .map((r) => ({
          operationId: r.id,
          workOrderId: r.work_order_id,
          workOrderNo: r.work_order_no,
          itemCode: r.item_code,
          itemName: r.item_name,
          seq: r.seq,
          name: r.name,
          resourceCode: r.resource_code,
          setupStart: r.setup_start.toISOString(),
          start: r.start_at.toISOString(),
          end: r.end_at.toISOString(),
          qty: r.qty,
          dueDate: r.due_date,
          locked: r.locked,
        })),
    };
  }
}
