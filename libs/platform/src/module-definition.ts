import type { Type } from '@nestjs/common';
import type { ModuleManifest } from './catalog/module-manifest';
import type { QueueDefinition } from './jobs/queue-registry';

/** What a scenario module hands the apps: its manifest, Nest modules, entities, migrations, queues. */
export interface ModuleDefinition {
  manifest: ModuleManifest;
  /** Controllers and services; imported by the HTTP app. */
  apiModule: Type;
  /** Job handlers; imported by the worker only. */
  workerModule?: Type;
  entities: Type[];
  migrations: Type[];
  queues?: QueueDefinition[];
}
