// Checks PostgreSQL and Redis are reachable before anything slow; one clear message when not.
import { env, redact } from './lib.mjs';

const TIMEOUT_MS = 4000;

async function checkPostgres(url) {
  const { default: pg } = await import('pg');
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString(), connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause;
  redis.on('error', (error) => {
    cause ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw cause ?? error;
  } finally {
    redis.disconnect();
  }
}

export async function preflight() {
  const problems = [];
  const databaseUrl = env('DATABASE_URL');
  const redisUrl = env('REDIS_URL');
  try {
    await checkPostgres(databaseUrl);
  } catch (error) {
    problems.push(
      `PostgreSQL is not reachable at ${redact(databaseUrl)} (${error.code ?? error.message}).\n` +
        `  Start it:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `  or:        docker compose -f docker/compose.yml up -d postgres   — or set DATABASE_URL`,
    );
  }
  try {
    await checkRedis(redisUrl);
  } catch (error) {
    problems.push(
      `Redis is not reachable at ${redact(redisUrl)} (${error.code ?? error.message}).\n` +
        `  Start it:  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n` +
        `  or:        docker compose -f docker/compose.yml up -d redis   — or set REDIS_URL`,
    );
  }
  if (problems.length) {
    console.error(`\n✖ Cannot start: ${problems.join('\n✖ ')}\n`);
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await preflight();
