import type { EntityManager } from 'typeorm';
import type { ErrorSink, HeaderMap } from './row-reader';

/** What validating a file against the tenant's data found, and how to write it. */
export interface ImportPlan {
  created: number;
  updated: number;
  /** Writes everything with bulk statements; only called when the sink holds no errors. */
  write: () => Promise<void>;
}

export interface ImportContext {
  m: EntityManager;
  tenantId: string;
  header: HeaderMap;
  sink: ErrorSink;
  dryRun: boolean;
}

/** Reports every row after the first holding the same key ("duplicate of row 3"). */
export function reportDuplicates<R extends { row: number }>(
  rows: readonly R[],
  keyOf: (row: R) => string | null,
  field: string,
  what: (row: R) => string,
  sink: ErrorSink,
): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!key) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row.row);
    else sink.add(row.row, field, `${what(row)} 与第 ${seen} 行重复 / duplicate of row ${seen}`);
  }
}

/** The distinct values, in first-seen order. */
export const distinct = <T>(values: Iterable<T>): T[] => [...new Set(values)];
