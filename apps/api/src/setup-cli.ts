import 'reflect-metadata';
import { ConfigError, loadConfig } from '@mes/platform';
import { runSetup } from './setup/setup';

async function main(): Promise<void> {
  const config = loadConfig();
  const result = await runSetup(config, { seed: process.env.SEED_DEMO !== 'false' });
  const where = new URL(config.databaseUrl);
  where.password = '';
  console.log(
    [
      `database ${where.toString()}: ${result.databaseCreated ? 'created' : 'exists'}`,
      `migrations run: ${result.migrationsRun.length ? result.migrationsRun.join(', ') : 'none pending'}`,
      `app role ${config.appDbUser}: ready (no BYPASSRLS)`,
      `demo logins: ${result.seeded.logins ? 'seeded' : 'already present, nothing seeded'}`,
      `demo module data: ${result.seeded.modules.length ? `seeded ${result.seeded.modules.join(', ')}` : 'already present, nothing seeded'}`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
