import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnTenantCreated, type TenantCreatedHook } from '@mes/platform';
import { newId } from '@mes/shared';
import { UnitEntity } from '../unit/unit.entity';
import { STANDARD_UNITS } from '../unit/standard-units';

/** A new tenant starts with the standard units, so its first item can be created at once. */
@Injectable()
@OnTenantCreated()
export class MasterDataTenantHook implements TenantCreatedHook {
  async onTenantCreated(tenantId: string, manager: EntityManager): Promise<void> {
    const now = new Date();
    await manager.insert(
      UnitEntity,
      STANDARD_UNITS.map((u) => ({
        tenantId,
        id: newId(),
        code: u.code,
        name: u.name,
        precision: u.precision,
        createdAt: now,
      })),
    );
  }
}
