import { Module } from '@nestjs/common';
import { MasterDataModule } from '@mes/master-data-api';
import { WarehousingModule } from '@mes/warehousing-api';
import { OrderProgressController } from './progress/order-progress.controller';
import { OrderProgressService } from './progress/order-progress.service';
import { OpenSalesDemand } from './production/open-sales-demand.service';
import { WorkOrderRequestController } from './production/work-order-request.controller';
import { WorkOrderRequests } from './production/work-order-request.service';
import { SalesOrderController } from './sales-order/sales-order.controller';
import { SalesOrderReader } from './sales-order/sales-order.reader';
import { SalesOrderService } from './sales-order/sales-order.service';
import { SalesReturnController } from './sales-return/sales-return.controller';
import { SalesReturnService } from './sales-return/sales-return.service';
import { ShipmentController } from './shipment/shipment.controller';
import { ShipmentService } from './shipment/shipment.service';

@Module({
  imports: [MasterDataModule, WarehousingModule],
  controllers: [
    SalesOrderController,
    WorkOrderRequestController,
    ShipmentController,
    SalesReturnController,
    OrderProgressController,
  ],
  providers: [
    SalesOrderReader,
    SalesOrderService,
    WorkOrderRequests,
    ShipmentService,
    SalesReturnService,
    OrderProgressService,
    OpenSalesDemand,
  ],
  exports: [WorkOrderRequests, OpenSalesDemand],
})
export class OrdersModule {}
