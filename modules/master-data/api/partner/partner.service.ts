import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { likePattern, NotFoundError, TenantDb } from '@mes/platform';
import { newId, type PartnerView } from '@mes/shared';
import { DuplicateCodeError } from '../shared/master-data.errors';
import type { SearchPageQueryDto } from '../shared/page-query.dto';
import type { CreatePartnerDto, UpdatePartnerDto } from './partner.dto';
import { PartnerEntity, type PartnerKind } from './partner.entity';

const WHAT: Record<PartnerKind, string> = { customer: '客户', supplier: '供应商' };

const toView = (p: PartnerEntity): PartnerView => ({
  id: p.id,
  code: p.code,
  name: p.name,
  taxId: p.taxId,
  address: p.address,
  paymentTerms: p.paymentTerms,
  contacts: p.contacts,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
});

/** Customers (客户) and suppliers (供应商): one service, the kind passed by each controller. */
@Injectable()
export class PartnerService {
  constructor(private readonly db: TenantDb) {}

  async list(kind: PartnerKind, query: SearchPageQueryDto): Promise<{ items: PartnerView[]; total: number }> {
    const qb = this.db.manager
      .getRepository(PartnerEntity)
      .createQueryBuilder('p')
      .where('p.kind = :kind', { kind });
    if (query.q) {
      const like = likePattern(query.q);
      qb.andWhere(
        new Brackets((w) => w.where('p.code ILIKE :like', { like }).orWhere('p.name ILIKE :like', { like })),
      );
    }
    const [rows, total] = await qb
      .orderBy('p.code', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), total };
  }

  async get(kind: PartnerKind, id: string): Promise<PartnerView> {
    return toView(await this.find(kind, id));
  }

  async create(kind: PartnerKind, tenantId: string, dto: CreatePartnerDto): Promise<PartnerView> {
    if (await this.db.manager.existsBy(PartnerEntity, { kind, code: dto.code }))
      throw new DuplicateCodeError(WHAT[kind], dto.code);
    const now = new Date();
    const row = this.db.manager.create(PartnerEntity, {
      tenantId,
      id: newId(),
      kind,
      code: dto.code,
      name: dto.name,
      taxId: dto.taxId?.trim() ?? '',
      address: dto.address?.trim() ?? '',
      paymentTerms: dto.paymentTerms?.trim() ?? '',
      contacts: dto.contacts ?? [],
      status: dto.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    });
    await this.db.manager.insert(PartnerEntity, row);
    return toView(row);
  }

  async update(kind: PartnerKind, id: string, dto: UpdatePartnerDto): Promise<PartnerView> {
    const row = await this.find(kind, id);
    if (
      dto.code !== undefined &&
      dto.code !== row.code &&
      (await this.db.manager.existsBy(PartnerEntity, { kind, code: dto.code }))
    ) {
      throw new DuplicateCodeError(WHAT[kind], dto.code);
    }
    Object.assign(row, dto, { updatedAt: new Date() });
    await this.db.manager.save(PartnerEntity, row);
    return toView(row);
  }

  async remove(kind: PartnerKind, id: string): Promise<void> {
    await this.find(kind, id);
    await this.db.manager.delete(PartnerEntity, { id, kind });
  }

  private async find(kind: PartnerKind, id: string): Promise<PartnerEntity> {
    const row = await this.db.manager.findOneBy(PartnerEntity, { id, kind });
    if (!row) throw new NotFoundError(`${WHAT[kind]} / ${kind}`);
    return row;
  }
}
