import type { ModuleDefinition } from '@mes/platform';
import { MRP_MODULE_KEY, MRP_QUEUE, mrpManifest } from './manifest';
import { MrpCore1763704000000 } from './migrations/1763704000000-mrp-core';
import { MrpModule, MrpWorkerModule } from './mrp.module';

export { MRP_MODULE_KEY, MRP_QUEUE, MRP_RUN_JOB, mrpManifest } from './manifest';
export { MrpModule, MrpWorkerModule } from './mrp.module';
/** The seam of 在制 (work orders) for the production-execution module. */
export { MRP_WORK_IN_PROGRESS, type WorkInProgressSource } from './model/work-in-progress.source';
export { MrpModelBuilder, type BuiltModel } from './model/mrp-model-builder.service';
export { MrpRunHandler, type MrpRunJobData } from './run/mrp-run.handler';

/** Test hook (NODE_ENV=test only): shorter BullMQ job lock so a killed worker's job is recovered quickly. */
function testLockMs(): number | undefined {
  if (process.env.NODE_ENV !== 'test') return undefined;
  const ms = Number(process.env.MRP_TEST_LOCK_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

const lockMs = testLockMs();

export const mrpModule: ModuleDefinition = {
  manifest: mrpManifest,
  apiModule: MrpModule,
  workerModule: MrpWorkerModule,
  entities: [],
  migrations: [MrpCore1763704000000],
  queues: [
    {
      name: MRP_QUEUE,
      moduleKey: MRP_MODULE_KEY,
      concurrency: 1,
      ...(lockMs ? { workerOptions: { lockDuration: lockMs, stalledInterval: lockMs } } : {}),
    },
  ],
};
