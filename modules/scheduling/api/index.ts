import type { ModuleDefinition } from '@mes/platform';
import {
  masterSchedulingManifest,
  SCHEDULING_KEYS,
  SCHEDULING_QUEUE,
  shopSchedulingManifest,
} from './manifest';
import { SchedulingCore1763705000000 } from './migrations/1763705000000-scheduling-core';
import { SchedulingModule, SchedulingWorkerModule, ShopSchedulingModule } from './scheduling.module';

export {
  MASTER_SCHEDULING_KEY,
  SHOP_SCHEDULING_KEY,
  SCHEDULING_KEYS,
  SCHEDULING_QUEUE,
  SCHEDULING_RUN_JOB,
  masterSchedulingManifest,
  shopSchedulingManifest,
} from './manifest';
export { SchedulingModule, SchedulingWorkerModule } from './scheduling.module';
/** For the shop floor: a work center's dispatch list from the published schedule. */
export { SchedulePublisher } from './dispatch/schedule-publisher.service';

/** 主生产计划 (row 22): the implementation, its tables, queue and job. */
export const masterSchedulingModule: ModuleDefinition = {
  manifest: masterSchedulingManifest,
  apiModule: SchedulingModule,
  workerModule: SchedulingWorkerModule,
  entities: [],
  migrations: [SchedulingCore1763705000000],
  queues: [{ name: SCHEDULING_QUEUE, moduleKey: SCHEDULING_KEYS, concurrency: 1 }],
};

/** 车间计划管理 (row 32): the same scheduler under its own catalog entry and price. */
export const shopSchedulingModule: ModuleDefinition = {
  manifest: shopSchedulingManifest,
  apiModule: ShopSchedulingModule,
  entities: [],
  migrations: [],
};
