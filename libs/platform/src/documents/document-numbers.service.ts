import { Injectable } from '@nestjs/common';
import { TenantDb } from '../database/tenant-db.service';

const PREFIX = /^[A-Z]{2,8}$/;

/**
 * Human document numbers, `<PREFIX><yyyymmdd>-<nnnn>` in the tenant's time zone, gap-free per day
 * within committed transactions (the counter row is locked until the caller's transaction ends).
 */
@Injectable()
export class DocumentNumbers {
  constructor(private readonly db: TenantDb) {}

  async next(tenantId: string, prefix: string, at: Date = new Date()): Promise<string> {
    if (!PREFIX.test(prefix)) throw new Error(`document prefix must be 2–8 capital letters: ${prefix}`);
    const [row] = await this.db.manager.query<{ day: string; last: number }[]>(
      `WITH d AS (
         SELECT (($3::timestamptz) AT TIME ZONE coalesce(
           (SELECT time_zone FROM platform.tenants WHERE id = $1), 'Asia/Shanghai'))::date AS day
       )
       INSERT INTO document_counters (tenant_id, prefix, day, last)
       SELECT $1, $2, d.day, 1 FROM d
       ON CONFLICT (tenant_id, prefix, day) DO UPDATE SET last = document_counters.last + 1
       RETURNING to_char(day, 'YYYYMMDD') AS day, last`,
      [tenantId, prefix, at],
    );
    if (!row) throw new Error('document counter did not return a row');
    return `${prefix}${row.day}-${String(row.last).padStart(4, '0')}`;
  }
}
