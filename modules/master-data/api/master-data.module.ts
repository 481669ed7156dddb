import { Module } from '@nestjs/common';
import { BarcodeController } from './barcode/barcode.controller';
import { BarcodeService } from './barcode/barcode.service';
import { LabelRuleService } from './barcode/label-rule.service';
import { BomController } from './bom/bom.controller';
import { LotController } from './lot/lot.controller';
import { LotService } from './lot/lot.service';
import { MasterDataLookup } from './lookup/master-data-lookup.service';
import { MasterDataDemoSeeder } from './demo/demo-factory.seeder';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { MasterDataExportService } from './import-export/export.service';
import { ImportExportController } from './import-export/import-export.controller';
import { MasterDataImportService } from './import-export/import.service';
import { RoutingController } from './routing/routing.controller';
import { RoutingService } from './routing/routing.service';
import { WorkCenterController } from './work-center/work-center.controller';
import { WorkCenterService } from './work-center/work-center.service';
import { BomService } from './bom/bom.service';
import { ItemController } from './item/item.controller';
import { ItemService } from './item/item.service';
import { CustomerController, SupplierController } from './partner/partner.controller';
import { PartnerService } from './partner/partner.service';
import { MasterDataTenantHook } from './tenant-setup/master-data-tenant.hook';
import { UnitController } from './unit/unit.controller';
import { UnitService } from './unit/unit.service';
import { WarehouseController } from './warehouse/warehouse.controller';
import { WarehouseService } from './warehouse/warehouse.service';

@Module({
  controllers: [
    UnitController,
    ItemController,
    BomController,
    WarehouseController,
    CustomerController,
    SupplierController,
    CalendarController,
    WorkCenterController,
    RoutingController,
    BarcodeController,
    LotController,
    ImportExportController,
  ],
  providers: [
    UnitService,
    ItemService,
    BomService,
    WarehouseService,
    PartnerService,
    MasterDataTenantHook,
    MasterDataDemoSeeder,
    BarcodeService,
    LabelRuleService,
    LotService,
    CalendarService,
    WorkCenterService,
    RoutingService,
    MasterDataImportService,
    MasterDataExportService,
    MasterDataLookup,
  ],
  exports: [
    MasterDataLookup,
    BarcodeService,
    ItemService,
    UnitService,
    WarehouseService,
    WorkCenterService,
    RoutingService,
    CalendarService,
  ],
})
export class MasterDataModule {}
