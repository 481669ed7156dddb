import { existsSync, rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { dropDatabase } from '../../../libs/platform/src/database/app-role';
import { loadConfig } from '../../../libs/platform/src/config/load-config';

export default async function globalTeardown(): Promise<void> {
  const config = loadConfig();
  await dropDatabase(config.databaseUrl);
  const redis = new Redis(config.redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redisPrefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  const file = process.env.MES_E2E_ENV_FILE;
  if (file && existsSync(file)) rmSync(file);
}
