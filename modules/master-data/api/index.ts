import type { ModuleDefinition } from '@mes/platform';
import { BomLineEntity } from './bom/bom-line.entity';
import { BomEntity } from './bom/bom.entity';
import { ItemUnitEntity } from './item/item-unit.entity';
import { ItemEntity } from './item/item.entity';
import { masterDataManifest } from './manifest';
import { MasterDataModule } from './master-data.module';
import { MasterDataCore1763700200000 } from './migrations/1763700200000-master-data-core';
import { PartnerEntity } from './partner/partner.entity';
import { UnitEntity } from './unit/unit.entity';
import { LocationEntity } from './warehouse/location.entity';
import { WarehouseEntity } from './warehouse/warehouse.entity';

export { MASTER_DATA_KEY, masterDataManifest } from './manifest';

export const masterDataModule: ModuleDefinition = {
  manifest: masterDataManifest,
  apiModule: MasterDataModule,
  entities: [
    UnitEntity,
    ItemEntity,
    ItemUnitEntity,
    WarehouseEntity,
    LocationEntity,
    PartnerEntity,
    BomEntity,
    BomLineEntity,
  ],
  migrations: [MasterDataCore1763700200000],
};
