// `npm run dev`: API and worker with reload (node --watch + @swc-node/register), web via Vite (HMR, proxy /api).
import { spawn } from 'node:child_process';
import { ensureDependencies, ROOT, runOrExit } from './lib.mjs';

await ensureDependencies();
const { preflight } = await import('./preflight.mjs');
await preflight();
const ts = ['--enable-source-maps', '-r', '@swc-node/register'];
const envTs = { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', NODE_ENV: 'development' };
await runOrExit(process.execPath, [...ts, 'apps/api/src/setup-cli.ts'], { env: envTs });
// --watch follows every file the process loads (the TS sources included), so one edit restarts once.
const watch = ['--watch'];
const children = [
  spawn(process.execPath, [...watch, ...ts, 'apps/api/src/main.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: envTs,
  }),
  spawn(process.execPath, [...watch, ...ts, 'apps/api/src/worker.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: envTs,
  }),
  spawn('npx', ['vite', '--config', 'apps/web/vite.config.mts'], { cwd: ROOT, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
