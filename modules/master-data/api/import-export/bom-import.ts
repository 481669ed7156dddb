import { newId } from '@mes/shared';
import { findAllCycles } from './bom-graph';
import { bulkInsert } from './bulk';
import { groupByVersion, type StoredVersion, type VersionGroup } from './grouping';
import { distinct, type ImportContext, type ImportPlan } from './importer';
import type { BomLineRecord } from './parse-rows';

/** As BomLinesDto: lines per BOM. */
export const MAX_LINES_PER_BOM = 2000;

/** The per-tenant lock BomService takes around every change of the BOM graph. */
export async function lockBomGraph(ctx: ImportContext): Promise<void> {
  await ctx.m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`${ctx.tenantId}:bom`]);
}

/**
 * BOM lines grouped by (parent, version): each group replaces that BOM's lines, or creates the BOM
 * (the first BOM of an item without a default becomes its default). Checks: parents and components
 * exist, at most 2000 lines per BOM, and no cycle in the graph the tenant would have afterwards
 * (stored lines of active BOMs not replaced + the file's lines), found once for the whole file.
 */
export async function planBomLines(ctx: ImportContext, records: BomLineRecord[]): Promise<ImportPlan> {
  const { m, sink } = ctx;
  // Serialise with BomService before reading the graph the cycle check relies on.
  if (!ctx.dryRun) await lockBomGraph(ctx);

  const codes = distinct(records.flatMap((r) => [r.parentCode, r.componentCode]).filter(Boolean));
  const items = new Map(
    (
      await m.query<{ id: string; code: string }[]>(`SELECT id, code FROM md_items WHERE code = ANY($1)`, [
        codes,
      ])
    ).map((i) => [i.code, i]),
  );
  for (const r of records) {
    if (r.parentCode && !items.has(r.parentCode))
      sink.add(r.row, 'parentCode', `未知物料 ${r.parentCode} / unknown item ${r.parentCode}`);
    if (r.componentCode && !items.has(r.componentCode))
      sink.add(r.row, 'componentCode', `未知物料 ${r.componentCode} / unknown item ${r.componentCode}`);
  }

  const parentIds = distinct(
    records.flatMap((r) => (items.has(r.parentCode) ? [items.get(r.parentCode)?.id ?? ''] : [])),
  );
  const stored = new Map<string, StoredVersion[]>();
  for (const b of await m.query<{ id: string; item_id: string; version: string; is_default: boolean }[]>(
    `SELECT id, item_id, version, is_default FROM md_boms WHERE item_id = ANY($1)`,
    [parentIds],
  )) {
    stored.set(b.item_id, [
      ...(stored.get(b.item_id) ?? []),
      { id: b.id, version: b.version, isDefault: b.is_default },
    ]);
  }
  const groups = groupByVersion(records, (r) => items.get(r.parentCode), stored);
  for (const g of groups) {
    for (const r of g.rows.slice(MAX_LINES_PER_BOM))
      sink.add(
        r.row,
        'parentCode',
        `BOM ${g.itemCode}/${g.version} 超过 ${MAX_LINES_PER_BOM} 行 / more than ${MAX_LINES_PER_BOM} lines`,
      );
  }

  await reportCycles(ctx, groups, (code) => items.get(code)?.id);

  const created = groups.filter((g) => !g.existingId).length;
  return {
    created,
    updated: groups.length - created,
    write: async () => {
      const newIds = new Map<VersionGroup<BomLineRecord>, string>();
      for (const g of groups) newIds.set(g, g.existingId ?? newId());
      await bulkInsert(m, ctx.tenantId, {
        table: 'md_boms',
        columns: [
          { name: 'id', type: 'uuid' },
          { name: 'item_id', type: 'uuid' },
          { name: 'version', type: 'varchar' },
          { name: 'is_default', type: 'boolean' },
        ],
        rows: groups
          .filter((g) => !g.existingId)
          .map((g) => [newIds.get(g), g.itemId, g.version, g.makeDefault]),
        constants: { status: `'active'`, created_at: 'now()', updated_at: 'now()' },
      });
      const replaced = groups.flatMap((g) => (g.existingId ? [g.existingId] : []));
      if (replaced.length) {
        await m.query(`DELETE FROM md_bom_lines WHERE bom_id = ANY($1)`, [replaced]);
        await m.query(`UPDATE md_boms SET updated_at = now() WHERE id = ANY($1)`, [replaced]);
      }
      await bulkInsert(m, ctx.tenantId, {
        table: 'md_bom_lines',
        columns: [
          { name: 'id', type: 'uuid' },
          { name: 'bom_id', type: 'uuid' },
          { name: 'seq', type: 'integer' },
          { name: 'item_id', type: 'uuid' },
          { name: 'qty_per', type: 'numeric' },
          { name: 'scrap_rate', type: 'numeric' },
          { name: 'operation_seq', type: 'integer' },
          { name: 'valid_from', type: 'date' },
          { name: 'valid_to', type: 'date' },
        ],
        rows: groups.flatMap((g) =>
          g.rows.map((r, i) => [
            newId(),
            newIds.get(g),
            (i + 1) * 10,
            items.get(r.componentCode)?.id,
            r.qtyPer,
            r.scrapRate,
            r.operationSeq,
            r.validFrom,
            r.validTo,
          ]),
        ),
      });
    },
  };
}

/**
 * One cycle search over the whole graph after the import; each cycle is reported on the file rows
 * that add its edges, naming the whole cycle ("A → B → A").
 */
async function reportCycles(
  ctx: ImportContext,
  groups: VersionGroup<BomLineRecord>[],
  idOf: (code: string) => string | undefined,
): Promise<void> {
  const replaced = new Set(groups.flatMap((g) => (g.existingId ? [g.existingId] : [])));
  const children = new Map<string, Set<string>>();
  const link = (parent: string, child: string) => {
    let set = children.get(parent);
    if (!set) children.set(parent, (set = new Set()));
    set.add(child);
  };
  const stored = await ctx.m.query<{ bom_id: string; parent_id: string; child_id: string }[]>(
    `SELECT DISTINCT l.bom_id, b.item_id AS parent_id, l.item_id AS child_id
       FROM md_bom_lines l
       JOIN md_boms b ON b.tenant_id = l.tenant_id AND b.id = l.bom_id AND b.status = 'active'`,
  );
  for (const e of stored) if (!replaced.has(e.bom_id)) link(e.parent_id, e.child_id);
  const rowsOfEdge = new Map<string, number[]>();
  for (const g of groups) {
    for (const r of g.rows) {
      const child = idOf(r.componentCode);
      if (!child) continue;
      link(g.itemId, child);
      const key = `${g.itemId}>${child}`;
      rowsOfEdge.set(key, [...(rowsOfEdge.get(key) ?? []), r.row]);
    }
  }
  const cycles = findAllCycles(new Map([...children].map(([p, set]) => [p, [...set]])));
  if (!cycles.length) return;
  const ids = distinct(cycles.flat());
  const codeOf = new Map(
    (
      await ctx.m.query<{ id: string; code: string }[]>(`SELECT id, code FROM md_items WHERE id = ANY($1)`, [
        ids,
      ])
    ).map((i) => [i.id, i.code]),
  );
  for (const cycle of cycles) {
    const names = cycle.map((id) => codeOf.get(id) ?? id);
    const message = `BOM 循环引用：${names.join(' → ')} / BOM cycle: ${names.join(' -> ')}`;
    for (let i = 0; i + 1 < cycle.length; i++) {
      for (const row of rowsOfEdge.get(`${cycle[i] ?? ''}>${cycle[i + 1] ?? ''}`) ?? [])
        ctx.sink.add(row, 'componentCode', message);
    }
  }
}
