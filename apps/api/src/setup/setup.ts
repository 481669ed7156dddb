import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  ensureAppRole,
  ensureDatabase,
  grantAppRole,
  type AppConfig,
} from '@mes/platform';
import { ALL_MIGRATIONS } from '../migrations';
import { seedDemo } from './demo-seed';

export interface SetupResult {
  databaseCreated: boolean;
  migrationsRun: string[];
  seeded: { logins: boolean; modules: string[] };
}

/** Runs the migrations as the database owner (never as the app role). */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const owner = new DataSource(buildDataSourceOptions(databaseUrl, [], ALL_MIGRATIONS, 2));
  await owner.initialize();
  try {
    const ran = await owner.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await owner.destroy();
  }
}

/**
 * Everything `npm start` needs in PostgreSQL, safe to repeat: the database and the app role when
 * missing, pending migrations, grants, and the demo data into an empty database only.
 */
export async function runSetup(config: AppConfig, options: { seed: boolean }): Promise<SetupResult> {
  const databaseCreated = await ensureDatabase(config.databaseUrl);
  await ensureAppRole(config.databaseUrl, config.appDbUser, config.appDbPassword);
  const migrationsRun = await runMigrations(config.databaseUrl);
  await grantAppRole(config.databaseUrl, config.appDbUser);
  const seeded = options.seed ? await seedDemo() : { logins: false, modules: [] };
  return { databaseCreated, migrationsRun, seeded };
}
