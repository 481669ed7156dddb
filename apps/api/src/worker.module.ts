import { Module } from '@nestjs/common';
import { PlatformCoreModule } from '@mes/platform';
import { MODULES } from './modules.registry';

/** The worker process: platform core plus every module's job handlers; no HTTP. */
@Module({
  imports: [
    PlatformCoreModule.forRoot(MODULES),
    ...MODULES.flatMap((m) => (m.workerModule ? [m.workerModule] : [])),
  ],
})
export class WorkerModule {}
