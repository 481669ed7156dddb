import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import { newId, type WarehouseView } from '@mes/shared';
import { DuplicateCodeError, InUseError } from '../shared/master-data.errors';
import type { CreateWarehouseDto, LocationDto, UpdateWarehouseDto } from './warehouse.dto';
import { LocationEntity } from './location.entity';
import { WarehouseEntity } from './warehouse.entity';

const notFound = () => new NotFoundError('仓库 / warehouse');

/** Warehouses (仓库) and their locations (库位). */
@Injectable()
export class WarehouseService {
  constructor(private readonly db: TenantDb) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(): Promise<{ items: WarehouseView[]; total: number }> {
    const rows = await this.m.find(WarehouseEntity, { order: { code: 'ASC' } });
    const locations = await this.m.find(LocationEntity, { order: { code: 'ASC' } });
    return { items: rows.map((w) => this.toView(w, locations)), total: rows.length };
  }

  async get(id: string): Promise<WarehouseView> {
    const row = await this.m.findOneBy(WarehouseEntity, { id });
    if (!row) throw notFound();
    return this.toView(
      row,
      await this.m.find(LocationEntity, { where: { warehouseId: id }, order: { code: 'ASC' } }),
    );
  }

  async create(tenantId: string, dto: CreateWarehouseDto): Promise<WarehouseView> {
    if (await this.m.existsBy(WarehouseEntity, { code: dto.code }))
      throw new DuplicateCodeError('仓库', dto.code);
    const now = new Date();
    const warehouse = this.m.create(WarehouseEntity, {
      tenantId,
      id: newId(),
      code: dto.code,
      name: dto.name,
      address: dto.address?.trim() ?? '',
      allowNegativeStock: dto.allowNegativeStock ?? false,
      createdAt: now,
      updatedAt: now,
    });
    await this.m.insert(WarehouseEntity, warehouse);
    await this.replaceLocations(warehouse, dto.locations ?? []);
    return this.get(warehouse.id);
  }

  async update(id: string, dto: UpdateWarehouseDto): Promise<WarehouseView> {
    const warehouse = await this.m.findOneBy(WarehouseEntity, { id });
    if (!warehouse) throw notFound();
    if (
      dto.code !== undefined &&
      dto.code !== warehouse.code &&
      (await this.m.existsBy(WarehouseEntity, { code: dto.code }))
    ) {
      throw new DuplicateCodeError('仓库', dto.code);
    }
    Object.assign(warehouse, {
      ...(dto.code !== undefined && { code: dto.code }),
      ...(dto.name !== undefined && { name: dto.name }),
      ...(dto.address !== undefined && { address: dto.address.trim() }),
      ...(dto.allowNegativeStock !== undefined && { allowNegativeStock: dto.allowNegativeStock }),
      updatedAt: new Date(),
    });
    await this.m.save(WarehouseEntity, warehouse);
    if (dto.locations !== undefined) await this.replaceLocations(warehouse, dto.locations);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.m.existsBy(WarehouseEntity, { id }))) throw notFound();
    const [use] = await this.m.query<{ used: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM md_items WHERE default_warehouse_id = $1) AS used`,
      [id],
    );
    if (use?.used) throw new InUseError('仓库', '物料的默认仓库');
    await this.m.delete(WarehouseEntity, { id });
  }

  /** Keeps the ids of locations whose code stays, so later stock rows keep pointing at them. */
  private async replaceLocations(warehouse: WarehouseEntity, locations: LocationDto[]): Promise<void> {
    const seen = new Set<string>();
    locations.forEach((l, i) => {
      if (seen.has(l.code))
        throw new ValidationFailedError([
          { field: `locations[${i}].code`, message: `location ${l.code} listed twice` },
        ]);
      seen.add(l.code);
    });
    const existing = await this.m.findBy(LocationEntity, { warehouseId: warehouse.id });
    const byCode = new Map(existing.map((l) => [l.code, l]));
    await this.m.delete(LocationEntity, { warehouseId: warehouse.id, code: Not(In([...seen, ''])) });
    for (const l of locations) {
      const current = byCode.get(l.code);
      if (current) {
        if (current.name !== l.name)
          await this.m.update(LocationEntity, { id: current.id }, { name: l.name });
      } else {
        await this.m.insert(LocationEntity, {
          tenantId: warehouse.tenantId,
          id: newId(),
          warehouseId: warehouse.id,
          code: l.code,
          name: l.name,
        });
      }
    }
  }

  private toView(w: WarehouseEntity, locations: LocationEntity[]): WarehouseView {
    return {
      id: w.id,
      code: w.code,
      name: w.name,
      address: w.address,
      allowNegativeStock: w.allowNegativeStock,
      locations: locations
        .filter((l) => l.warehouseId === w.id)
        .map((l) => ({ id: l.id, code: l.code, name: l.name })),
      createdAt: w.createdAt.toISOString(),
    };
  }
}
