import { Module } from '@nestjs/common';
import { MasterDataModule } from '@mes/master-data-api';
import { WarehousingModule } from '@mes/warehousing-api';
import { BuyerController } from './buyer/buyer.controller';
import { BuyerService } from './buyer/buyer.service';
import { PurchasingDemoSeeder } from './demo/purchasing-demo.seeder';
import { OpenPurchaseSupply } from './order/open-purchase-supply.service';
import { PurchaseOrderController } from './order/purchase-order.controller';
import { PurchaseOrderPrinter } from './order/purchase-order.printer';
import { PurchaseOrderReader } from './order/purchase-order.reader';
import { PurchaseOrderService } from './order/purchase-order.service';
import { SupplierPriceController } from './price/supplier-price.controller';
import { SupplierPriceService } from './price/supplier-price.service';
import { PendingReceiptReader } from './receipt/pending-receipt.reader';
import { PurchaseReceiptController } from './receipt/purchase-receipt.controller';
import { PurchaseReceiptReader } from './receipt/purchase-receipt.reader';
import { PurchaseReceiptService } from './receipt/purchase-receipt.service';
import { RequisitionController } from './requisition/requisition.controller';
import { RequisitionService } from './requisition/requisition.service';

@Module({
  imports: [MasterDataModule, WarehousingModule],
  controllers: [
    BuyerController,
    SupplierPriceController,
    RequisitionController,
    PurchaseOrderController,
    PurchaseReceiptController,
  ],
  providers: [
    BuyerService,
    SupplierPriceService,
    RequisitionService,
    PurchaseOrderReader,
    PurchaseOrderService,
    PurchaseOrderPrinter,
    PurchaseReceiptReader,
    PurchaseReceiptService,
    PendingReceiptReader,
    PurchasingDemoSeeder,
    OpenPurchaseSupply,
  ],
  exports: [RequisitionService, SupplierPriceService, OpenPurchaseSupply],
})
export class PurchasingModule {}
