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
import { OperatorController } from './operator/operator.controller';
import { OperatorService } from './operator/operator.service';
import { ProductionExecutionDemoSeeder } from './demo/production-execution-demo.seeder';
import { WipService } from './wip/wip.service';
import { WorkOrderController } from './work-order/work-order.controller';
import { WorkOrderReader } from './work-order/work-order.reader';
import { WorkOrderService } from './work-order/work-order.service';
import { ProductionOutputController } from './output/output.controller';
import { ProductionOutputService } from './output/output.service';

@Module({
  imports: [MasterDataModule, WarehousingModule, OrdersModule],
  controllers: [
    WorkOrderController,
    WorkReportController,
    MaterialIssueController,
    WipController,
    OperatorController,
    ProductionSettingsController,
    ProductionOutputController,
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
    OperatorService,
    ProductionExecutionDemoSeeder,
    SchedulableWorkOrders,
    ProductionOutputService,
  ],
  exports: [SchedulableWorkOrders, KitCheck, OpenWorkOrderSupply],
})
export class ProductionExecutionModule {}
