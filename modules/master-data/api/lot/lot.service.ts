import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import { newId, type LotView } from '@mes/shared';
import { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { PartnerEntity } from '../partner/partner.entity';
import { DuplicateCodeError } from '../shared/master-data.errors';
import type { CreateLotDto, LotQueryDto } from './lot.dto';
import { LotEntity } from './lot.entity';

/** Lot (batch) master records: which item, which supplier lot, made and expiring when. */
@Injectable()
export class LotService {
  constructor(
    private readonly db: TenantDb,
    private readonly items: ItemService,
  ) {}

  async list(query: LotQueryDto): Promise<{ items: LotView[]; total: number }> {
    const qb = this.db.manager.getRepository(LotEntity).createQueryBuilder('l');
    if (query.itemCode) {
      qb.innerJoin(ItemEntity, 'i', 'i.tenant_id = l.tenant_id AND i.id = l.item_id').andWhere(
        'i.code = :code',
        { code: query.itemCode },
      );
    }
    if (query.lotNo) qb.andWhere('(l.lot_no = :lot OR l.supplier_lot = :lot)', { lot: query.lotNo });
    const [rows, total] = await qb
      .orderBy('l.created_at', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toViews(rows), total };
  }

  async get(id: string): Promise<LotView> {
    const row = await this.db.manager.findOneBy(LotEntity, { id });
    const [view] = row ? await this.toViews([row]) : [];
    if (!view) throw new NotFoundError('批次 / lot');
    return view;
  }

  /** The lot `lotNo` of item `itemCode`, or null. */
  async find(itemCode: string, lotNo: string): Promise<LotView | null> {
    const item = (await this.items.byCodes([itemCode])).get(itemCode);
    const row = item ? await this.db.manager.findOneBy(LotEntity, { itemId: item.id, lotNo }) : null;
    return row ? ((await this.toViews([row]))[0] ?? null) : null;
  }

  /** Lots whose own or supplier lot number is `scanned` (a bare lot number from a supplier's label). */
  async byNumber(scanned: string): Promise<LotView[]> {
    const rows = await this.db.manager.find(LotEntity, {
      where: [{ lotNo: scanned }, { supplierLot: scanned }],
      take: 2,
    });
    return this.toViews(rows);
  }

  async create(tenantId: string, dto: CreateLotDto): Promise<LotView> {
    const item = (await this.items.byCodes([dto.itemCode])).get(dto.itemCode);
    if (!item)
      throw new ValidationFailedError([{ field: 'itemCode', message: `unknown item ${dto.itemCode}` }]);
    if (!item.lotTracked)
      throw new ValidationFailedError([
        { field: 'itemCode', message: `item ${dto.itemCode} is not lot-tracked` },
      ]);
    if (dto.manufacturedOn && dto.expiresOn && dto.expiresOn < dto.manufacturedOn) {
      throw new ValidationFailedError([{ field: 'expiresOn', message: 'must not be before manufacturedOn' }]);
    }
    if (await this.db.manager.existsBy(LotEntity, { itemId: item.id, lotNo: dto.lotNo }))
      throw new DuplicateCodeError('批次', dto.lotNo, 'lotNo');
    let supplierId: string | null = null;
    if (dto.supplierCode) {
      const supplier = await this.db.manager.findOneBy(PartnerEntity, {
        kind: 'supplier',
        code: dto.supplierCode,
      });
      if (!supplier)
        throw new ValidationFailedError([
          { field: 'supplierCode', message: `unknown supplier ${dto.supplierCode}` },
        ]);
      supplierId = supplier.id;
    }
    const row = this.db.manager.create(LotEntity, {
      tenantId,
      id: newId(),
      itemId: item.id,
      lotNo: dto.lotNo,
      supplierLot: dto.supplierLot?.trim() ?? '',
      supplierId,
      manufacturedOn: dto.manufacturedOn ?? null,
      expiresOn: dto.expiresOn ?? null,
      note: dto.note?.trim() ?? '',
      createdAt: new Date(),
    });
    await this.db.manager.insert(LotEntity, row);
    return this.get(row.id);
  }

  private async toViews(rows: LotEntity[]): Promise<LotView[]> {
    if (!rows.length) return [];
    const items = await this.db.manager.findBy(ItemEntity, { id: In(rows.map((r) => r.itemId)) });
    const supplierIds = rows.flatMap((r) => (r.supplierId ? [r.supplierId] : []));
    const suppliers = supplierIds.length
      ? await this.db.manager.findBy(PartnerEntity, { id: In(supplierIds) })
      : [];
    const itemById = new Map(items.map((i) => [i.id, i]));
    const supplierCode = new Map(suppliers.map((s) => [s.id, s.code]));
    return rows.map((r) => ({
      id: r.id,
      itemCode: itemById.get(r.itemId)?.code ?? '?',
      itemName: itemById.get(r.itemId)?.name ?? '?',
      lotNo: r.lotNo,
      supplierLot: r.supplierLot,
      supplierCode: r.supplierId ? (supplierCode.get(r.supplierId) ?? null) : null,
      manufacturedOn: r.manufacturedOn,
      expiresOn: r.expiresOn,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
