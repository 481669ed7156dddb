import type { EntityManager } from 'typeorm';

/** The run whose plan is stored now: the latest succeeded one (null before the first). */
export async function currentRunId(m: EntityManager): Promise<string | null> {
  const [row] = await m.query<{ id: string }[]>(
    `SELECT id FROM mrp_runs WHERE status = 'succeeded' ORDER BY finished_at DESC LIMIT 1`,
  );
  return row?.id ?? null;
}
