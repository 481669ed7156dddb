import type { EntityManager } from 'typeorm';

const DAY_MS = 86_400_000;

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

/** `YYYY-MM-DD` + n calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}
