import { Injectable } from '@nestjs/common';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import { newId, type UnitView } from '@mes/shared';
import { DuplicateCodeError, InUseError } from '../shared/master-data.errors';
import type { CreateUnitDto, UpdateUnitDto } from './unit.dto';
import { UnitEntity } from './unit.entity';

export const toUnitView = (u: UnitEntity): UnitView => ({
  id: u.id,
  code: u.code,
  name: u.name,
  precision: u.precision,
});

/** Units of measure. Codes are matched without regard to case ("PCS" finds "pcs"). */
@Injectable()
export class UnitService {
  constructor(private readonly db: TenantDb) {}

  async list(): Promise<UnitView[]> {
    const rows = await this.db.manager.find(UnitEntity, { order: { createdAt: 'ASC', code: 'ASC' } });
    return rows.map(toUnitView);
  }

  /** All units by lower-cased code, for resolving many codes at once. */
  async byCode(): Promise<Map<string, UnitEntity>> {
    const rows = await this.db.manager.find(UnitEntity);
    return new Map(rows.map((u) => [u.code.toLowerCase(), u]));
  }

  /** The unit named by `code`, or a 400 naming `field`. */
  async resolve(code: string, field: string): Promise<UnitEntity> {
    const unit = await this.db.manager
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .where('lower(u.code) = lower(:code)', { code: code.trim() })
      .getOne();
    if (!unit)
      throw new ValidationFailedError([
        { field, message: `unknown unit ${code}; create it under 计量单位 first` },
      ]);
    return unit;
  }

  async create(tenantId: string, dto: CreateUnitDto): Promise<UnitView> {
    await this.assertFree(dto.code);
    const unit = this.db.manager.create(UnitEntity, {
      tenantId,
      id: newId(),
      code: dto.code,
      name: dto.name,
      precision: dto.precision ?? 0,
      createdAt: new Date(),
    });
    await this.db.manager.insert(UnitEntity, unit);
    return toUnitView(unit);
  }

  async update(id: string, dto: UpdateUnitDto): Promise<UnitView> {
    const unit = await this.db.manager.findOneBy(UnitEntity, { id });
    if (!unit) throw new NotFoundError('计量单位 / unit');
    if (dto.code !== undefined && dto.code.toLowerCase() !== unit.code.toLowerCase())
      await this.assertFree(dto.code);
    Object.assign(unit, dto);
    await this.db.manager.save(UnitEntity, unit);
    return toUnitView(unit);
  }

  async remove(id: string): Promise<void> {
    const unit = await this.db.manager.findOneBy(UnitEntity, { id });
    if (!unit) throw new NotFoundError('计量单位 / unit');
    const [use] = await this.db.manager.query<{ used: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM md_items WHERE base_unit_id = $1) OR EXISTS (SELECT 1 FROM md_item_units WHERE unit_id = $1) AS used`,
      [id],
    );
    if (use?.used) throw new InUseError('计量单位', '物料');
    await this.db.manager.delete(UnitEntity, { id });
  }

  private async assertFree(code: string): Promise<void> {
    const taken = await this.db.manager
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .where('lower(u.code) = lower(:code)', { code })
      .getExists();
    if (taken) throw new DuplicateCodeError('计量单位', code);
  }
}
