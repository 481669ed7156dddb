import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  ConflictError,
  NotFoundError,
  REDIS,
  TenantDb,
  TooManyRequestsError,
  UnauthenticatedError,
  ValidationFailedError,
  type AppConfig,
} from '@mes/platform';
import {
  newId,
  OPERATOR_PIN_LOCK_SECONDS,
  OPERATOR_PIN_MAX_FAILURES,
  OperatorErrorCode,
  type IdentifiedOperator,
  type OperatorView,
} from '@mes/shared';
import type { CreateOperatorDto, IdentifyOperatorDto, UpdateOperatorDto } from './operator.dto';
import { hashPin, verifyPin } from './pin';

const OPERATOR = '操作员 / operator';

interface OperatorRow {
  id: string;
  code: string;
  name: string;
  badge: string | null;
  pin_hash: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT id, code, name, badge, pin_hash, active, created_at, updated_at FROM pe_operators`;

const view = (r: OperatorRow): OperatorView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  badge: r.badge,
  hasPin: r.pin_hash !== null,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** The unique constraint a PostgreSQL error broke, if it is one (23505). */
function uniqueViolation(error: unknown): string | null {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' ? (e.driverError?.constraint ?? e.constraint ?? '') : null;
}

/**
 * 操作员: who works on a shared tablet. The tablet stays signed in with one account; operators identify
 * themselves by badge or by code + PIN. Wrong PINs are counted per operator in Redis: after
 * {@link OPERATOR_PIN_MAX_FAILURES} the operator's PIN is refused (429) for {@link OPERATOR_PIN_LOCK_SECONDS} s.
 * The count lives outside the request's transaction, so the 401 that rolls the request back keeps it.
 */
@Injectable()
export class OperatorService {
  constructor(
    private readonly db: TenantDb,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(): Promise<OperatorView[]> {
    const rows = await this.m.query<OperatorRow[]>(`${SELECT} ORDER BY code`);
    return rows.map(view);
  }

  async create(tenantId: string, dto: CreateOperatorDto): Promise<OperatorView> {
    const id = newId();
    const pinHash = dto.pin ? await hashPin(dto.pin) : null;
    await this.write(dto.code, dto.badge ?? null, () =>
      this.m.query(
        `INSERT INTO pe_operators (tenant_id, id, code, name, badge, pin_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
        [tenantId, id, dto.code, dto.name, dto.badge ?? null, pinHash],
      ),
    );
    return this.get(id);
  }

  async update(id: string, dto: UpdateOperatorDto): Promise<OperatorView> {
    const current = await this.row(id);
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (dto.name !== undefined) set('name', dto.name);
    if (dto.badge !== undefined) set('badge', dto.badge);
    if (dto.pin !== undefined) set('pin_hash', dto.pin === null ? null : await hashPin(dto.pin));
    if (dto.active !== undefined) set('active', dto.active);
    if (sets.length) {
      await this.write(current.code, dto.badge ?? null, () =>
        this.m.query(`UPDATE pe_operators SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params),
      );
    }
    // A new PIN starts with a clean slate.
    if (dto.pin !== undefined) await this.redis.del(this.failureKey(id));
    return this.get(id);
  }

  async get(id: string): Promise<OperatorView> {
    return view(await this.row(id));
  }

  /**
   * `{ badge }` → the operator with that badge; `{ code, pin }` → the operator when the PIN matches.
   * 404 for an unknown or inactive operator, 401 INVALID_PIN for a wrong PIN, 429 after too many.
   */
  async identify(tenantId: string, dto: IdentifyOperatorDto): Promise<IdentifiedOperator> {
    if (dto.badge) {
      const [row] = await this.m.query<OperatorRow[]>(`${SELECT} WHERE badge = $1 AND active`, [dto.badge]);
      if (!row) throw new NotFoundError(`工牌 ${dto.badge} 对应的${OPERATOR}`);
      return { code: row.code, name: row.name };
    }
    if (!dto.code || !dto.pin) {
      const missing = dto.code ? 'pin' : dto.pin ? 'code' : 'badge';
      throw new ValidationFailedError([
        {
          field: missing,
          message:
            missing === 'badge'
              ? 'badge, or code and pin, are required'
              : `${missing} is required with ${missing === 'pin' ? 'code' : 'pin'}`,
        },
      ]);
    }
    const [row] = await this.m.query<OperatorRow[]>(`${SELECT} WHERE code = $1 AND active`, [dto.code]);
    if (!row) throw new NotFoundError(`${OPERATOR} ${dto.code}`);
    const key = this.failureKey(row.id, tenantId);
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    if (Number(count ?? 0) >= OPERATOR_PIN_MAX_FAILURES) {
      throw new TooManyRequestsError(
        `PIN 错误次数过多，请 ${Math.ceil(Math.max(ttl, 1) / 60)} 分钟后再试或刷工牌 / too many wrong PINs for ${row.code}: try again later or scan the badge`,
        Math.max(ttl, 1),
      );
    }
    if (!(await verifyPin(dto.pin, row.pin_hash))) {
      await this.redis.multi().incr(key).expire(key, OPERATOR_PIN_LOCK_SECONDS).exec();
      throw new UnauthenticatedError(
        OperatorErrorCode.INVALID_PIN,
        row.pin_hash
          ? `PIN 不正确 / wrong PIN for operator ${row.code}`
          : `操作员 ${row.code} 未设置 PIN，请刷工牌 / operator ${row.code} has no PIN: scan the badge`,
      );
    }
    await this.redis.del(key);
    return { code: row.code, name: row.name };
  }

  private failureKey(id: string, tenantId = this.db.currentTenantId ?? ''): string {
    return `${this.config.redisPrefix}:pe-pin-fail:${tenantId}:${id}`;
  }

  private async row(id: string): Promise<OperatorRow> {
    const [row] = await this.m.query<OperatorRow[]>(`${SELECT} WHERE id = $1`, [id]);
    if (!row) throw new NotFoundError(OPERATOR);
    return row;
  }

  /** Runs a write, turning a duplicate code or badge into 409 naming the field (a savepoint keeps the tx usable). */
  private async write(code: string, badge: string | null, work: () => Promise<unknown>): Promise<void> {
    await this.m.query(`SAVEPOINT pe_operator_write`);
    try {
      await work();
      await this.m.query(`RELEASE SAVEPOINT pe_operator_write`);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === null) throw error;
      await this.m.query(`ROLLBACK TO SAVEPOINT pe_operator_write`);
      if (constraint.includes('badge'))
        throw new ConflictError(
          OperatorErrorCode.DUPLICATE_BADGE,
          `工牌 ${badge ?? ''} 已属于其他操作员 / badge ${badge ?? ''} belongs to another operator`,
          [{ field: 'badge', message: 'already in use' }],
        );
      throw new ConflictError(
        OperatorErrorCode.DUPLICATE_CODE,
        `操作员编号 ${code} 已存在 / operator code ${code} already exists`,
        [{ field: 'code', message: 'already in use' }],
      );
    }
  }
}
