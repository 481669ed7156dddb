import type { ModuleDefinition } from '@mes/platform';
import { BomLineEntity } from './bom/bom-line.entity';
import { BomEntity } from './bom/bom.entity';
import { ItemUnitEntity } from './item/item-unit.entity';
import { ItemEntity } from './item/item.entity';
import { MasterDataDemoSeeder } from './demo/demo-factory.seeder';
import { masterDataManifest } from './manifest';
import { MasterDataModule } from './master-data.module';
import { MasterDataCore1763700200000 } from './migrations/1763700200000-master-data-core';
import { MasterDataRouting1763700300000 } from './migrations/1763700300000-master-data-routing';
import { MasterDataLabels1763700400000 } from './migrations/1763700400000-master-data-labels';
import { LabelRuleEntity } from './barcode/label-rule.entity';
import { LotEntity } from './lot/lot.entity';
import { MasterDataLots1763700500000 } from './migrations/1763700500000-master-data-lots';
import { MasterDataWarehousePolicy1763700600000 } from './migrations/1763700600000-master-data-warehouse-policy';
import { MasterDataSpanBreaks1763700700000 } from './migrations/1763700700000-master-data-span-breaks';
import { CalendarEntity } from './calendar/calendar.entity';
import { OperationAlternativeEntity } from './routing/operation-alternative.entity';
import { RoutingOperationEntity } from './routing/routing-operation.entity';
import { RoutingEntity } from './routing/routing.entity';
import { WorkCenterEntity } from './work-center/work-center.entity';
import { PartnerEntity } from './partner/partner.entity';
import { UnitEntity } from './unit/unit.entity';
import { LocationEntity } from './warehouse/location.entity';
import { WarehouseEntity } from './warehouse/warehouse.entity';

export { MASTER_DATA_KEY, masterDataManifest } from './manifest';
export { MasterDataModule } from './master-data.module';
export {
  MasterDataLookup,
  type ItemRef,
  type LocationRef,
  type PartnerRef,
  type PlanningBomLine,
  type PlanningItem,
  type RoutingStep,
  type WarehouseRef,
  type WorkCenterRef,
} from './lookup/master-data-lookup.service';
export { BarcodeService } from './barcode/barcode.service';
export { cjkFont } from './barcode/label-pdf.renderer';

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
    CalendarEntity,
    WorkCenterEntity,
    RoutingEntity,
    RoutingOperationEntity,
    OperationAlternativeEntity,
    LabelRuleEntity,
    LotEntity,
  ],
  migrations: [
    MasterDataCore1763700200000,
    MasterDataRouting1763700300000,
    MasterDataLabels1763700400000,
    MasterDataLots1763700500000,
    MasterDataWarehousePolicy1763700600000,
    MasterDataSpanBreaks1763700700000,
  ],
  demoSeeder: MasterDataDemoSeeder,
};
