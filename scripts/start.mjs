// `npm start`: install when missing → check services → build → setup (db, role, migrations, seed once)
// → serve API + worker + web on PORT.
import { spawn } from 'node:child_process';
import { ensureDependencies, env, ROOT, runOrExit } from './lib.mjs';

const started = Date.now();
await ensureDependencies();
const { preflight } = await import('./preflight.mjs');
await preflight();
console.log('▶ building API and web…');
await runOrExit('npm', ['run', '--silent', 'build']);
console.log('▶ preparing the database…');
await runOrExit(process.execPath, ['dist/api/apps/api/src/setup-cli.js']);

const children = [
  spawn(process.execPath, ['dist/api/apps/api/src/main.js'], { cwd: ROOT, stdio: 'inherit' }),
  spawn(process.execPath, ['dist/api/apps/api/src/worker.js'], { cwd: ROOT, stdio: 'inherit' }),
];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(
    () => process.exit(code),
  );
}
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const port = env('PORT');
for (let i = 0; i < 120 && !stopping; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (res.ok) {
      console.log(
        `\n✔ 数智工厂 SaaS is up in ${((Date.now() - started) / 1000).toFixed(1)} s: http://127.0.0.1:${port}/  (API /api, docs /api/docs)`,
      );
      console.log('  Demo login: admin@demo.test / Demo#2026 — operator@platform.test / Operator#2026');
      break;
    }
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 500));
}
