import { Injectable } from '@nestjs/common';
import { Brackets, In, type EntityManager } from 'typeorm';
import { likePattern, NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import { Dec, newId, plainDecimal, type ItemView, type UnitConversion } from '@mes/shared';
import { DuplicateCodeError, InUseError } from '../shared/master-data.errors';
import { UnitEntity } from '../unit/unit.entity';
import { UnitService } from '../unit/unit.service';
import { WarehouseEntity } from '../warehouse/warehouse.entity';
import type { CreateItemDto, ItemQueryDto, UnitConversionDto, UpdateItemDto } from './item.dto';
import { ItemUnitEntity } from './item-unit.entity';
import { ItemEntity } from './item.entity';
import { normalizeLotSizing } from './lot-sizing';

const notFound = () => new NotFoundError('物料 / item');

/** Items (物料) with their base unit, unit conversions, lot sizing and planning parameters. */
@Injectable()
export class ItemService {
  constructor(
    private readonly db: TenantDb,
    private readonly units: UnitService,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: ItemQueryDto): Promise<{ items: ItemView[]; total: number }> {
    const qb = this.m.getRepository(ItemEntity).createQueryBuilder('i');
    if (query.code) qb.andWhere('i.code = :code', { code: query.code });
    if (query.q) {
      const like = likePattern(query.q);
      qb.andWhere(
        new Brackets((w) => {
          w.where('i.code ILIKE :like', { like })
            .orWhere('i.name ILIKE :like', { like })
            .orWhere('i.spec ILIKE :like', { like })
            .orWhere('i.barcode = :exact', { exact: query.q });
        }),
      );
    }
    if (query.type) qb.andWhere('i.type = :type', { type: query.type });
    if (query.makeOrBuy) qb.andWhere('i.make_or_buy = :mb', { mb: query.makeOrBuy });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('i.code', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toViews(rows), total };
  }

  async get(id: string): Promise<ItemView> {
    const row = await this.m.findOneBy(ItemEntity, { id });
    const [view] = row ? await this.toViews([row]) : [];
    if (!view) throw notFound();
    return view;
  }

  /** Items by code, for other master-data services (BOM lines, imports). */
  async byCodes(codes: string[]): Promise<Map<string, ItemEntity>> {
    if (!codes.length) return new Map();
    const rows = await this.m.findBy(ItemEntity, { code: In([...new Set(codes)]) });
    return new Map(rows.map((r) => [r.code, r]));
  }

  async create(tenantId: string, dto: CreateItemDto): Promise<ItemView> {
    if (await this.m.existsBy(ItemEntity, { code: dto.code })) throw new DuplicateCodeError('物料', dto.code);
    if (dto.barcode && (await this.m.existsBy(ItemEntity, { barcode: dto.barcode }))) {
      throw new DuplicateCodeError('条码', dto.barcode, 'barcode');
    }
    const baseUnit = await this.units.resolve(dto.baseUnit, 'baseUnit');
    const now = new Date();
    const item = this.m.create(ItemEntity, {
      tenantId,
      id: newId(),
      code: dto.code,
      name: dto.name,
      spec: dto.spec?.trim() ?? '',
      type: dto.type,
      baseUnitId: baseUnit.id,
      makeOrBuy: dto.makeOrBuy,
      leadTimeDays: dto.leadTimeDays ?? 0,
      safetyStock: new Dec(dto.safetyStock ?? '0'),
      lotSizing: normalizeLotSizing(dto.lotSizing),
      lotTracked: dto.lotTracked ?? false,
      barcode: dto.barcode?.trim() || null,
      defaultWarehouseId: await this.resolveWarehouse(dto.defaultWarehouseCode),
      inspectionRequired: dto.inspectionRequired ?? false,
      status: dto.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    });
    await this.m.insert(ItemEntity, item);
    await this.saveConversions(item, dto.conversions ?? []);
    return this.get(item.id);
  }

  async update(id: string, dto: UpdateItemDto): Promise<ItemView> {
    const item = await this.m.findOne(ItemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw notFound();
    if (
      dto.code !== undefined &&
      dto.code !== item.code &&
      (await this.m.existsBy(ItemEntity, { code: dto.code }))
    ) {
      throw new DuplicateCodeError('物料', dto.code);
    }
    if (
      dto.barcode &&
      dto.barcode !== item.barcode &&
      (await this.m.existsBy(ItemEntity, { barcode: dto.barcode }))
    ) {
      throw new DuplicateCodeError('条码', dto.barcode, 'barcode');
    }
    if (dto.code !== undefined) item.code = dto.code;
    if (dto.name !== undefined) item.name = dto.name;
    if (dto.spec !== undefined) item.spec = dto.spec.trim();
    if (dto.type !== undefined) item.type = dto.type;
    if (dto.baseUnit !== undefined) item.baseUnitId = (await this.units.resolve(dto.baseUnit, 'baseUnit')).id;
    if (dto.makeOrBuy !== undefined) item.makeOrBuy = dto.makeOrBuy;
    if (dto.leadTimeDays !== undefined) item.leadTimeDays = dto.leadTimeDays;
    if (dto.safetyStock !== undefined) item.safetyStock = new Dec(dto.safetyStock);
    if (dto.lotSizing !== undefined) item.lotSizing = normalizeLotSizing(dto.lotSizing);
    if (dto.lotTracked !== undefined) item.lotTracked = dto.lotTracked;
    if (dto.barcode !== undefined) item.barcode = dto.barcode?.trim() || null;
    if (dto.defaultWarehouseCode !== undefined)
      item.defaultWarehouseId = await this.resolveWarehouse(dto.defaultWarehouseCode);
    if (dto.inspectionRequired !== undefined) item.inspectionRequired = dto.inspectionRequired;
    if (dto.status !== undefined) item.status = dto.status;
    item.updatedAt = new Date();
    await this.m.save(ItemEntity, item);
    if (dto.conversions !== undefined) await this.saveConversions(item, dto.conversions);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.m.existsBy(ItemEntity, { id }))) throw notFound();
    const [use] = await this.m.query<{ used: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM md_bom_lines WHERE item_id = $1) OR EXISTS (SELECT 1 FROM md_boms WHERE item_id = $1) AS used`,
      [id],
    );
    if (use?.used) throw new InUseError('物料', '物料清单(BOM)');
    await this.m.delete(ItemEntity, { id });
  }

  private async resolveWarehouse(code: string | null | undefined): Promise<string | null> {
    if (!code) return null;
    const warehouse = await this.m.findOneBy(WarehouseEntity, { code });
    if (!warehouse)
      throw new ValidationFailedError([
        { field: 'defaultWarehouseCode', message: `unknown warehouse ${code}` },
      ]);
    return warehouse.id;
  }

  private async saveConversions(item: ItemEntity, conversions: UnitConversionDto[]): Promise<void> {
    const units = await this.units.byCode();
    const seen = new Set<string>();
    const rows: ItemUnitEntity[] = [];
    conversions.forEach((c, i) => {
      const unit = units.get(c.unit.trim().toLowerCase());
      const field = `conversions[${i}].unit`;
      if (!unit) throw new ValidationFailedError([{ field, message: `unknown unit ${c.unit}` }]);
      if (unit.id === item.baseUnitId)
        throw new ValidationFailedError([{ field, message: 'the base unit needs no conversion' }]);
      if (seen.has(unit.id))
        throw new ValidationFailedError([{ field, message: `unit ${c.unit} listed twice` }]);
      seen.add(unit.id);
      rows.push(
        this.m.create(ItemUnitEntity, {
          tenantId: item.tenantId,
          itemId: item.id,
          unitId: unit.id,
          factor: new Dec(c.factor),
        }),
      );
    });
    await this.m.delete(ItemUnitEntity, { itemId: item.id });
    if (rows.length) await this.m.insert(ItemUnitEntity, rows);
  }

  private async toViews(rows: ItemEntity[]): Promise<ItemView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    // One connection per transaction: queries run one after another, never concurrently on it.
    const units = await this.m.find(UnitEntity);
    const conversions = await this.m.findBy(ItemUnitEntity, { itemId: In(ids) });
    const warehouseIds = rows.flatMap((r) => (r.defaultWarehouseId ? [r.defaultWarehouseId] : []));
    const warehouses = warehouseIds.length
      ? await this.m.findBy(WarehouseEntity, { id: In(warehouseIds) })
      : [];
    const unitCode = new Map(units.map((u) => [u.id, u.code]));
    const warehouseCode = new Map(warehouses.map((w) => [w.id, w.code]));
    const conversionsOf = new Map<string, UnitConversion[]>();
    for (const c of conversions) {
      const list = conversionsOf.get(c.itemId) ?? [];
      list.push({ unit: unitCode.get(c.unitId) ?? '?', factor: plainDecimal(c.factor) });
      conversionsOf.set(c.itemId, list);
    }
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      spec: r.spec,
      type: r.type,
      baseUnit: unitCode.get(r.baseUnitId) ?? '?',
      makeOrBuy: r.makeOrBuy,
      leadTimeDays: r.leadTimeDays,
      safetyStock: plainDecimal(r.safetyStock),
      lotSizing: r.lotSizing,
      lotTracked: r.lotTracked,
      barcode: r.barcode,
      defaultWarehouseCode: r.defaultWarehouseId ? (warehouseCode.get(r.defaultWarehouseId) ?? null) : null,
      inspectionRequired: r.inspectionRequired,
      status: r.status,
      conversions: (conversionsOf.get(r.id) ?? []).sort((a, b) => a.unit.localeCompare(b.unit)),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
}
