import type { EntityManager } from 'typeorm';

/** Today's date (`YYYY-MM-DD`) in the tenant's time zone (default Asia/Shanghai). */
export async function tenantToday(m: EntityManager, tenantId: string): Promise<string> {
  const [row] = await m.query<{ day: string }[]>(
    `SELECT to_char((now() AT TIME ZONE coalesce(
       (SELECT time_zone FROM platform.tenants WHERE id = $1), 'Asia/Shanghai'))::date, 'YYYY-MM-DD') AS day`,
    [tenantId],
  );
  if (!row) throw new Error('could not read the tenant date');
  return row.day;
}
