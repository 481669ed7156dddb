import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { dropDatabase, loadConfig, type AppConfig } from '@mes/platform';

const ROOT = resolve(__dirname, '../../..');

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export interface BenchDatabase {
  run: string;
  name: string;
  config: AppConfig;
}

/**
 * A database of the benchmark's own, made by the same setup CLI as `npm start` (migrated, app role
 * granted, no demo data), with its own Redis prefix. BENCH_DATABASE_SERVER names the server.
 */
export function createBenchDatabase(): BenchDatabase {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/mes_bench_${run}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: server.toString(),
    REDIS_PREFIX: `{mes-bench-${run}}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
  });
  const config = loadConfig();
  const t0 = performance.now();
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/setup-cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const name = server.pathname.slice(1);
  console.log(`database ${name} created and migrated in ${seconds(performance.now() - t0)}`);
  return { run, name, config };
}

/** Closes the app, drops the database and the run's Redis keys. */
export async function dropBenchDatabase(
  bench: BenchDatabase,
  app: INestApplication | undefined,
): Promise<void> {
  await app?.close();
  await dropDatabase(bench.config.databaseUrl);
  const redis = new Redis(bench.config.redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${bench.config.redisPrefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  console.log(`\ndatabase ${bench.name} dropped`);
}
