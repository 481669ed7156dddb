import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * A database and Redis prefix of this run's own, created, migrated (as the owner) and seeded by the
 * same setup CLI `npm start` runs. Tests then connect as the app role.
 */
export default function globalSetup(): void {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.E2E_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/mes_e2e_${run}`;
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: server.toString(),
    REDIS_PREFIX: `{mes-e2e-${run}}`,
    LOG_LEVEL: 'warn',
  };
  const file = join(tmpdir(), `mes-e2e-env-${run}.json`);
  writeFileSync(file, JSON.stringify(env));
  Object.assign(process.env, env, { MES_E2E_ENV_FILE: file });
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/setup-cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
