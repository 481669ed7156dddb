import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictError, likePattern, NotFoundError, TenantDb } from '@mes/platform';
import { ErrorCode, newId, type BuyerView } from '@mes/shared';
import type { BuyerQueryDto, CreateBuyerDto, UpdateBuyerDto } from './buyer.dto';
import { firstRow } from '../shared/first-row';

interface BuyerRow {
  id: string;
  code: string;
  name: string;
  phone: string;
  email: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, code, name, phone, email, active, created_at, updated_at';

export function toBuyerView(r: BuyerRow): BuyerView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    phone: r.phone,
    email: r.email,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** 采购员维护: the people who place purchase orders. */
@Injectable()
export class BuyerService {
  constructor(private readonly db: TenantDb) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: BuyerQueryDto): Promise<{ items: BuyerView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.q?.trim()) {
      params.push(likePattern(query.q.trim()));
      where.push(`(code ILIKE $${params.length} OR name ILIKE $${params.length})`);
    }
    if (query.active) {
      params.push(query.active === 'true');
      where.push(`active = $${params.length}`);
    }
    const cond = where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM pur_buyers WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<BuyerRow[]>(
      `SELECT ${COLUMNS} FROM pur_buyers WHERE ${cond} ORDER BY code
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: rows.map(toBuyerView), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<BuyerView> {
    const [row] = await this.m.query<BuyerRow[]>(`SELECT ${COLUMNS} FROM pur_buyers WHERE id = $1`, [id]);
    if (!row) throw new NotFoundError('采购员 / buyer');
    return toBuyerView(row);
  }

  async create(tenantId: string, dto: CreateBuyerDto): Promise<BuyerView> {
    await this.assertCodeFree(dto.code, null);
    const row = firstRow(
      await this.m.query<BuyerRow[]>(
        `INSERT INTO pur_buyers (tenant_id, id, code, name, phone, email, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [tenantId, newId(), dto.code, dto.name, dto.phone ?? '', dto.email ?? '', dto.active ?? true],
      ),
      'buyer insert',
    );
    return toBuyerView(row);
  }

  async update(id: string, dto: UpdateBuyerDto): Promise<BuyerView> {
    const current = await this.get(id);
    if (dto.code !== undefined && dto.code !== current.code) await this.assertCodeFree(dto.code, id);
    const [rows] = await this.m.query<[BuyerRow[], number]>(
      `UPDATE pur_buyers SET code = $2, name = $3, phone = $4, email = $5, active = $6, updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        dto.code ?? current.code,
        dto.name ?? current.name,
        dto.phone ?? current.phone,
        dto.email ?? current.email,
        dto.active ?? current.active,
      ],
    );
    return toBuyerView(firstRow(rows, 'buyer update'));
  }

  /** The buyer with this code, for purchase orders (inactive buyers place no new orders). */
  async byCode(code: string): Promise<{ id: string; active: boolean } | null> {
    const [row] = await this.m.query<{ id: string; active: boolean }[]>(
      `SELECT id, active FROM pur_buyers WHERE code = $1`,
      [code],
    );
    return row ?? null;
  }

  private async assertCodeFree(code: string, exceptId: string | null): Promise<void> {
    const [taken] = await this.m.query<{ id: string }[]>(
      `SELECT id FROM pur_buyers WHERE code = $1 AND id IS DISTINCT FROM $2`,
      [code, exceptId],
    );
    if (taken)
      throw new ConflictError(
        ErrorCode.DUPLICATE_CODE,
        `采购员编码 ${code} 已存在 / buyer code ${code} exists`,
        [{ field: 'code', message: `${code} 已被使用 / ${code} is already used` }],
      );
  }
}
