import { createHash } from 'node:crypto';
import {
  HttpStatus,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { ErrorCode } from '@mes/shared';
import type { RequestWithActor } from '../auth/current-actor.decorator';
import { TenantDb } from '../database/tenant-db.service';
import { ConflictError, ValidationFailedError } from '../errors/domain-error';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
export const IDEMPOTENCY_HEADER = 'idempotency-key';

interface StoredRecord {
  request_hash: string;
  status_code: number | null;
  response: unknown;
}

/**
 * A tenant write carrying `Idempotency-Key` applies once: the key is claimed in the request's own
 * transaction (a concurrent retry waits on the row, then replays), the response is stored with it,
 * and a repeat returns that response without running the handler again. The same key with another
 * body is refused (409 IDEMPOTENCY_KEY_REUSED). A failed request rolls back its claim, so it can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly db: TenantDb,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<RequestWithActor>();
    const header = req.headers[IDEMPOTENCY_HEADER];
    const tenantId = req.actor?.tenantId;
    if (!WRITE_METHODS.has(req.method) || header === undefined || !tenantId) return next.handle();
    // Multipart bodies are parsed after interceptors run, so their content cannot be hashed here; the
    // uploads the API takes (imports) are upserts, idempotent by themselves.
    if (req.is('multipart/form-data')) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY_PATTERN.test(key)) {
      throw new ValidationFailedError([
        { field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' },
      ]);
    }
    const res = ctx.switchToHttp().getResponse<Response>();
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ??
      (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    return from(
      this.db.runInTenant(tenantId, async (m) => {
        // Prepared statements: every keyed write runs these two.
        const claimed = await this.db.prepared<unknown[]>(
          'idempotency_claim',
          `INSERT INTO idempotency_records (tenant_id, key, method, path, request_hash)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key`,
          [tenantId, key, req.method, req.originalUrl.slice(0, 500), requestHash],
        );
        if (!claimed.length) {
          const [stored] = await m.query<StoredRecord[]>(
            `SELECT request_hash, status_code, response FROM idempotency_records WHERE tenant_id = $1 AND key = $2`,
            [tenantId, key],
          );
          if (stored?.request_hash !== requestHash) {
            throw new ConflictError(
              ErrorCode.IDEMPOTENCY_KEY_REUSED,
              '该 Idempotency-Key 已用于另一个请求 / this Idempotency-Key was used for a different request',
              [{ field: 'Idempotency-Key', message: 'already used for a different request' }],
            );
          }
          res.setHeader('Idempotent-Replayed', 'true');
          return stored.response;
        }
        const result: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.db.prepared(
          'idempotency_store',
          `UPDATE idempotency_records SET status_code = $3, response = $4 WHERE tenant_id = $1 AND key = $2`,
          [tenantId, key, status, JSON.stringify(result ?? null)],
        );
        return result;
      }),
    );
  }
}
