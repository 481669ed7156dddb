import { Module } from '@nestjs/common';
import { BomController } from './bom/bom.controller';
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
  ],
  providers: [UnitService, ItemService, BomService, WarehouseService, PartnerService, MasterDataTenantHook],
  exports: [ItemService, UnitService, WarehouseService],
})
export class MasterDataModule {}
