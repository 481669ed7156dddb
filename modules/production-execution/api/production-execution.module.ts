import { Module } from '@nestjs/common';
import { OpenWorkOrderSupply } from './supply/open-work-order-supply.service';
import { MasterDataModule } from '@mes/master-data-api';
import { OrdersModule } from '@mes/orders-api';
import { WarehousingModule } from '@mes/warehousing-api';
import { WorkOrderComponents } from './kit/components.service';
import { KitCheck } from './kit/kit-check.service';
import { MaterialIssueController } from './material/material-issue.controller';
import { MaterialIssueService } from './material/material-issue.service';
import { WorkReportController } from './report/work-report.controller';
import { WorkReportService } from './report/work-report.service';
import { SchedulableWorkOrders } from './scheduling/schedulable-work-orders.service';
import { ProductionSettingsController } from './settings/production-settings.controller';
import { ProductionSettings } from './settings/production-settings.service';
import { WipController } from './wip/wip.controller';
import { WipService } from './wip/wip.service';
import { WorkOrderController } from './work-order/work-order.controller';
import { WorkOrderReader } from './work-order/work-order.reader';
import { WorkOrderService } from './work-order/work-order.service';

@Module({
  imports: [MasterDataModule, WarehousingModule, OrdersModule],
  controllers: [
    WorkOrderController,
    WorkReportController,
    MaterialIssueController,
    WipController,
    ProductionSettingsController,
  ],
  providers: [
    OpenWorkOrderSupply,
    WorkOrderReader,
    WorkOrderService,
    WorkOrderComponents,
    KitCheck,
    WorkReportService,
    MaterialIssueService,
    ProductionSettings,
    WipService,
    SchedulableWorkOrders,
  ],
  exports: [SchedulableWorkOrders, KitCheck, OpenWorkOrderSupply],
})
export class ProductionExecutionModule {}
