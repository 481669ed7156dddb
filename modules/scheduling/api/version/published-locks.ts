import type { EntityManager } from 'typeorm';

/** The operations the planner locked in the published version: a new run keeps them where they are. */
export async function publishedLocks(
  m: EntityManager,
): Promise<{ workOrderId: string; seq: number; resourceCode: string; start: Date }[]> {
  const rows = await m.query<{ work_order_id: string; seq: number; resource_code: string; start_at: Date }[]>(
    `SELECT o.work_order_id, o.seq, o.resource_code, o.start_at
       FROM sch_version_operations o JOIN sch_versions v ON v.id = o.version_id
      WHERE v.status = 'published' AND o.locked AND NOT o.started`,
  );
  return rows.map((r) => ({
    workOrderId: r.work_order_id,
    seq: r.seq,
    resourceCode: r.resource_code,
    start: new Date(r.start_at),
  }));
}
