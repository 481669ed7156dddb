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
  /** Fills the demo tenant with this module's demo data; `npm start` runs it, it must be idempotent. */
  demoSeeder?: Type<DemoSeeder>;
}

export interface DemoSeeder {
  /** Returns false when the tenant already had the data (nothing written). */
  seedDemo(tenantId: string): Promise<boolean>;
}
