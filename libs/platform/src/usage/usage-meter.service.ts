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
    const inserted = await this.db.manager.query<{ id: string }[]>(
      `INSERT INTO platform.usage_events (tenant_id, id, meter, module_key, quantity, idempotency_key, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, meter, idempotency_key) DO NOTHING
       RETURNING id`,
      [
        tenantId,
        newId(),
        meter,
        options.moduleKey ?? null,
        qty,
        idempotencyKey,
        options.occurredAt ?? new Date(),
      ],
    );
    return inserted.length === 1;
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
