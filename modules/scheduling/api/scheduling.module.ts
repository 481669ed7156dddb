import { Module } from '@nestjs/common';
import { MasterDataModule } from '@mes/master-data-api';
import { ProductionExecutionModule } from '@mes/production-execution-api';
import { WarehousingModule } from '@mes/warehousing-api';
import { ScheduleAdjuster } from './adjust/schedule-adjuster.service';
import { ChangeoverController } from './changeover/changeover.controller';
import { Changeovers } from './changeover/changeover.service';
import { SchedulePublisher } from './dispatch/schedule-publisher.service';
import { PlantProblemBuilder } from './problem/plant-problem.builder';
import { ScheduleRunController } from './run/schedule-run.controller';
import { ScheduleSimulationController } from './simulate/schedule-simulation.controller';
import { ScheduleRunHandler } from './run/schedule-run.handler';
import { ScheduleRuns } from './run/schedule-run.service';
import { ScheduleVersionController } from './version/schedule-version.controller';
import { ScheduleVersionReader } from './version/schedule-version.reader';
import { MaterialCauses } from './version/material-causes.service';
import { ScheduleVersionStore } from './version/schedule-version.store';
import { RushOrders } from './what-if/rush-order.service';

// Warehousing (free stock for pegging) needs no catalog dependency of its own: production-execution,
// which both scheduling editions depend on, depends on it.
const SERVICES = [
  MaterialCauses,
  ScheduleRuns,
  PlantProblemBuilder,
  ScheduleVersionStore,
  ScheduleVersionReader,
  ScheduleAdjuster,
  SchedulePublisher,
  RushOrders,
  Changeovers,
];

@Module({
  imports: [MasterDataModule, ProductionExecutionModule, WarehousingModule],
  controllers: [
    ScheduleRunController,
    ScheduleVersionController,
    ChangeoverController,
    ScheduleSimulationController,
  ],
  providers: SERVICES,
  exports: [SchedulePublisher],
})
export class SchedulingModule {}

/** The worker's side: the run job and what it needs (no controllers). */
@Module({
  imports: [MasterDataModule, ProductionExecutionModule, WarehousingModule],
  providers: [...SERVICES, ScheduleRunHandler],
})
export class SchedulingWorkerModule {}

/** 车间计划管理 shares the implementation above: its definition only adds the catalog entry. */
@Module({})
export class ShopSchedulingModule {}
