import { newId } from '@mes/shared';
import { bulkInsert } from './bulk';
import { groupByVersion, type StoredVersion, type VersionGroup } from './grouping';
import { distinct, reportDuplicates, type ImportContext, type ImportPlan } from './importer';
import type { RoutingRecord } from './parse-rows';

/** As RoutingOperationsDto: operations per routing. */
export const MAX_OPERATIONS_PER_ROUTING = 500;
/**
 * Up to this many items, an import takes the per-item locks RoutingService.create takes (each is an
 * entry in PostgreSQL's shared lock table, which holds a few thousand). Above it, concurrent routing
 * changes are caught by the unique constraints instead and answered 409 IMPORT_CONFLICT.
 */
export const MAX_ROUTING_ITEM_LOCKS = 1000;

/**
 * Routing operations grouped by (item, version): each group replaces that routing's operations
 * (with their alternatives), or creates the routing (the first of an item without a default becomes
 * its default). Checks: items and work centers exist, seq unique within a routing, ≤ 500 operations.
 */
export async function planRoutings(ctx: ImportContext, records: RoutingRecord[]): Promise<ImportPlan> {
  const { m, sink } = ctx;
  const itemCodes = distinct(records.map((r) => r.itemCode).filter(Boolean));
  const items = new Map(
    (
      await m.query<{ id: string; code: string }[]>(`SELECT id, code FROM md_items WHERE code = ANY($1)`, [
        itemCodes,
      ])
    ).map((i) => [i.code, i]),
  );
  if (!ctx.dryRun) {
    const ids = [...items.values()].map((i) => i.id).sort();
    if (ids.length <= MAX_ROUTING_ITEM_LOCKS)
      await m.query(
        `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':routing:' || id::text, 8))
           FROM unnest($2::uuid[]) AS id`,
        [ctx.tenantId, ids],
      );
  }
  for (const r of records) {
    if (r.itemCode && !items.has(r.itemCode))
      sink.add(r.row, 'itemCode', `未知物料 ${r.itemCode} / unknown item ${r.itemCode}`);
  }

  const centerCodes = distinct(
    records
      .flatMap((r) => [r.workCenterCode, ...r.alternatives.map((a) => a.workCenterCode)])
      .filter(Boolean),
  );
  const centers = new Map(
    (
      await m.query<{ id: string; code: string }[]>(
        `SELECT id, code FROM md_work_centers WHERE code = ANY($1)`,
        [centerCodes],
      )
    ).map((c) => [c.code, c.id]),
  );
  for (const r of records) {
    if (r.workCenterCode && !centers.has(r.workCenterCode))
      sink.add(
        r.row,
        'workCenterCode',
        `未知工作中心 ${r.workCenterCode} / unknown work center ${r.workCenterCode}`,
      );
    for (const a of r.alternatives) {
      if (!centers.has(a.workCenterCode))
        sink.add(
          r.row,
          'alternatives',
          `未知工作中心 ${a.workCenterCode} / unknown work center ${a.workCenterCode}`,
        );
    }
  }

  const stored = new Map<string, StoredVersion[]>();
  for (const x of await m.query<{ id: string; item_id: string; version: string; is_default: boolean }[]>(
    `SELECT id, item_id, version, is_default FROM md_routings WHERE item_id = ANY($1)`,
    [[...items.values()].map((i) => i.id)],
  )) {
    stored.set(x.item_id, [
      ...(stored.get(x.item_id) ?? []),
      { id: x.id, version: x.version, isDefault: x.is_default },
    ]);
  }
  const groups = groupByVersion(records, (r) => items.get(r.itemCode), stored);
  for (const g of groups) {
    reportDuplicates(
      g.rows,
      (r) => (r.seq ? String(r.seq) : null),
      'seq',
      (r) => `工序号 ${r.seq}`,
      sink,
    );
    for (const r of g.rows.slice(MAX_OPERATIONS_PER_ROUTING))
      sink.add(
        r.row,
        'seq',
        `工艺路线 ${g.itemCode}/${g.version} 超过 ${MAX_OPERATIONS_PER_ROUTING} 道工序 / more than ${MAX_OPERATIONS_PER_ROUTING} operations`,
      );
  }

  const created = groups.filter((g) => !g.existingId).length;
  return {
    created,
    updated: groups.length - created,
    write: async () => {
      const ids = new Map<VersionGroup<RoutingRecord>, string>();
      for (const g of groups) ids.set(g, g.existingId ?? newId());
      await bulkInsert(m, ctx.tenantId, {
        table: 'md_routings',
        columns: [
          { name: 'id', type: 'uuid' },
          { name: 'item_id', type: 'uuid' },
          { name: 'version', type: 'varchar' },
          { name: 'is_default', type: 'boolean' },
        ],
        rows: groups
          .filter((g) => !g.existingId)
          .map((g) => [ids.get(g), g.itemId, g.version, g.makeDefault]),
        constants: { created_at: 'now()', updated_at: 'now()' },
      });
      const replaced = groups.flatMap((g) => (g.existingId ? [g.existingId] : []));
      if (replaced.length) {
        // Alternatives go with their operations (ON DELETE CASCADE).
        await m.query(`DELETE FROM md_routing_operations WHERE routing_id = ANY($1)`, [replaced]);
        await m.query(`UPDATE md_routings SET updated_at = now() WHERE id = ANY($1)`, [replaced]);
      }
      const operations = groups.flatMap((g) =>
        [...g.rows].sort((a, b) => a.seq - b.seq).map((r) => ({ id: newId(), routingId: ids.get(g), r })),
      );
      await bulkInsert(m, ctx.tenantId, {
        table: 'md_routing_operations',
        columns: [
          { name: 'id', type: 'uuid' },
          { name: 'routing_id', type: 'uuid' },
          { name: 'seq', type: 'integer' },
          { name: 'name', type: 'varchar' },
          { name: 'work_center_id', type: 'uuid' },
          { name: 'setup_minutes', type: 'numeric' },
          { name: 'run_minutes', type: 'numeric' },
          { name: 'queue_minutes', type: 'numeric' },
          { name: 'move_minutes', type: 'numeric' },
          { name: 'skill', type: 'varchar' },
          { name: 'inspection_point', type: 'boolean' },
          { name: 'sop_url', type: 'varchar' },
        ],
        rows: operations.map(({ id, routingId, r }) => [
          id,
          routingId,
          r.seq,
          r.name,
          centers.get(r.workCenterCode),
          r.setupMinutes,
          r.runMinutes,
          r.queueMinutes,
          r.moveMinutes,
          r.skill,
          r.inspectionPoint,
          r.sopUrl,
        ]),
      });
      await bulkInsert(m, ctx.tenantId, {
        table: 'md_operation_alternatives',
        columns: [
          { name: 'operation_id', type: 'uuid' },
          { name: 'work_center_id', type: 'uuid' },
          { name: 'run_minutes', type: 'numeric' },
        ],
        rows: operations.flatMap(({ id, r }) =>
          r.alternatives.map((a) => [id, centers.get(a.workCenterCode), a.runMinutes]),
        ),
      });
    },
  };
}
