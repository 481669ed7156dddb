import { Module } from '@nestjs/common';
import { MrpSimulationController } from './simulate/mrp-simulation.controller';
import { MasterDataModule } from '@mes/master-data-api';
import { OrdersModule } from '@mes/orders-api';
import { ProductionExecutionModule } from '@mes/production-execution-api';
import { PurchasingModule } from '@mes/purchasing-api';
import { WarehousingModule } from '@mes/warehousing-api';
import { MrpForecastController } from './forecast/mrp-forecast.controller';
import { MrpForecasts } from './forecast/mrp-forecast.service';
import { MrpModelBuilder } from './model/mrp-model-builder.service';
import { MRP_WORK_IN_PROGRESS } from './model/work-in-progress.source';
import { WorkOrderWip } from './model/work-order-wip.source';
import { MrpFirming } from './plan/mrp-firming.service';
import { MrpPlanController } from './plan/mrp-plan.controller';
import { MrpPlanReader } from './plan/mrp-plan.reader';
import { MrpPlanStore } from './plan/mrp-plan-store.service';
import { MrpStockLocker } from './plan/mrp-stock-locker.service';
import { MrpRunController } from './run/mrp-run.controller';
import { MrpRunHandler } from './run/mrp-run.handler';
import { MrpRuns } from './run/mrp-run.service';

const SERVICES = [
  MrpRuns,
  MrpPlanReader,
  MrpFirming,
  MrpForecasts,
  MrpModelBuilder,
  MrpPlanStore,
  MrpStockLocker,
  // 在制: the shop floor's open work orders.
  { provide: MRP_WORK_IN_PROGRESS, useClass: WorkOrderWip },
];

@Module({
  imports: [MasterDataModule, WarehousingModule, PurchasingModule, OrdersModule, ProductionExecutionModule],
  controllers: [MrpRunController, MrpPlanController, MrpForecastController, MrpSimulationController],
  providers: SERVICES,
  exports: [MrpModelBuilder, MrpPlanStore, MrpStockLocker],
})
export class MrpModule {}

/** The worker's side: the run job and what it needs (no controllers). */
@Module({
  imports: [MasterDataModule, WarehousingModule, PurchasingModule, OrdersModule, ProductionExecutionModule],
  providers: [...SERVICES, MrpRunHandler],
})
export class MrpWorkerModule {}
