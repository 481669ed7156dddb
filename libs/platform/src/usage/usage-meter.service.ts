import { Injectable } from '@nestjs/common';
import { Dec, isDecimalString, newId, QUANTITY_SCALE } from '@mes/shared';
import { TenantDb } from '../database/tenant-db.service';
import { ValidationFailedError } from '../errors/domain-error';

export interface UsageRecordOptions {
  moduleKey?: string | null;
  occurredAt?: Date;
}

const METER_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

/**
 * The one way usage reaches billing: append-only events, each applied exactly once per
 * (tenant, meter, idempotencyKey) however often it is retried. Joins the caller's transaction.
 */
@Injectable()
export class UsageMeter {
  constructor(private readonly db: TenantDb) {}

  /** Returns true when this call recorded the event, false when the key had already been recorded. */
  async record(
    tenantId: string,
    meter: string,
    quantity: Dec | string,
    idempotencyKey: string,
    options: UsageRecordOptions = {},
  ): Promise<boolean> {
    const { sql, params } = this.insert(tenantId, meter, quantity, idempotencyKey, options, 1);
    const inserted = await this.db.manager.query<{ id: string }[]>(`${sql} RETURNING id`, params);
    return inserted.length === 1;
  }

  /**
   * The statement record() runs — same checks, same row, same ON CONFLICT DO NOTHING — for a caller
   * that folds it into one statement of its own as a data-modifying CTE (`WITH usage AS (…) …`), to
   * save a round trip on a hot path. Parameters are numbered from `$first`.
   */
  insert(
    tenantId: string,
    meter: string,
    quantity: Dec | string,
    idempotencyKey: string,
    options: UsageRecordOptions,
    first: number,
  ): { sql: string; params: unknown[] } {
    const qty = typeof quantity === 'string' ? quantity : quantity.toFixed();
    const details = [];
    if (!METER_PATTERN.test(meter) || meter.length > 64)
      details.push({ field: 'meter', message: 'must be a dotted lower-case meter name' });
    if (!isDecimalString(qty, QUANTITY_SCALE) || new Dec(qty).isNegative()) {
      details.push({
        field: 'quantity',
        message: 'must be a non-negative decimal with at most 6 decimal places',
      });
    }
    if (!idempotencyKey || idempotencyKey.length > 200)
      details.push({ field: 'idempotencyKey', message: 'must be 1–200 characters' });
    if (details.length) throw new ValidationFailedError(details);
    const $ = (i: number) => `$${first + i}`;
    return {
      sql: `INSERT INTO platform.usage_events (tenant_id, id, meter, module_key, quantity, idempotency_key, occurred_at)
       VALUES (${$(0)}, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)})
       ON CONFLICT (tenant_id, meter, idempotency_key) DO NOTHING`,
      params: [
        tenantId,
        newId(),
        meter,
        options.moduleKey ?? null,
        qty,
        idempotencyKey,
        options.occurredAt ?? new Date(),
      ],
    };
  }

  /** Sum of a meter over [from, to), as an exact decimal string. */
  async total(tenantId: string, meter: string, from: Date, to: Date): Promise<string> {
    const rows = await this.db.manager.query<{ total: string }[]>(
      `SELECT coalesce(sum(quantity), 0)::text AS total FROM platform.usage_events
        WHERE tenant_id = $1 AND meter = $2 AND occurred_at >= $3 AND occurred_at < $4`,
      [tenantId, meter, from, to],
    );
    return new Dec(rows[0]?.total ?? '0').toFixed(QUANTITY_SCALE);
  }
}
