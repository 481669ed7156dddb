import type { EntityManager } from 'typeorm';

/** A column of a bulk insert and the PostgreSQL type its array parameter is cast to. */
export interface BulkColumn {
  name: string;
  type: 'uuid' | 'varchar' | 'integer' | 'numeric' | 'boolean' | 'jsonb' | 'date';
}

export interface BulkInsert {
  table: string;
  columns: readonly BulkColumn[];
  /** Values aligned with `columns`, one array per row. */
  rows: readonly (readonly unknown[])[];
  /** Extra columns set to SQL expressions (e.g. created_at = now()). */
  constants?: Record<string, string>;
  /** e.g. `ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name` */
  onConflict?: string;
  returning?: string;
}

/** Rows per statement: a few thousand keep each statement well under a second and memory flat. */
export const BULK_CHUNK = 5000;

/**
 * Multi-row INSERT of `rows` for the current tenant, one statement per chunk: the values travel as
 * one array parameter per column and are spread by `unnest` (a fixed handful of parameters whatever
 * the row count). The tenant id is a parameter too, so row-level security's WITH CHECK sees the
 * transaction's own tenant.
 */
export async function bulkInsert<T = unknown>(
  m: EntityManager,
  tenantId: string,
  spec: BulkInsert,
): Promise<T[]> {
  const names = spec.columns.map((c) => c.name);
  const constants = Object.entries(spec.constants ?? {});
  const sql = [
    `INSERT INTO ${spec.table} (tenant_id, ${[...names, ...constants.map(([n]) => n)].join(', ')})`,
    `SELECT $1::uuid, ${[...names.map((n) => `u.${n}`), ...constants.map(([, v]) => v)].join(', ')}`,
    `FROM unnest(${spec.columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ')}) AS u(${names.join(', ')})`,
    spec.onConflict ?? '',
    spec.returning ? `RETURNING ${spec.returning}` : '',
  ].join('\n');
  const out: T[] = [];
  for (let start = 0; start < spec.rows.length; start += BULK_CHUNK) {
    const chunk = spec.rows.slice(start, start + BULK_CHUNK);
    const params = spec.columns.map((_, i) => chunk.map((row) => row[i] ?? null));
    const result = await m.query<T[]>(sql, [tenantId, ...params]);
    if (spec.returning) out.push(...result);
  }
  return out;
}
