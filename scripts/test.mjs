// `npm test`: the whole suite, in order, stopping at the first failure, with the time of each step.
import { run } from './lib.mjs';

const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['unit', 'npm', ['run', '--silent', 'test:unit']],
  ['e2e (PostgreSQL + Redis)', 'npm', ['run', '--silent', 'test:e2e']],
  ['web unit', 'npm', ['run', '--silent', 'test:web']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['browser (Chromium)', 'npm', ['run', '--silent', 'test:browser']],
];

const only = process.argv.slice(2);
const started = Date.now();
const timings = [];
for (const [name, command, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const code = await run(command, args, { env: { ...process.env, NX_DAEMON: 'false' } });
  timings.push(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) {
    console.error(`\n✖ ${name} failed (exit ${code})\n  ${timings.join('\n  ')}`);
    process.exit(code);
  }
}
console.log(`\n✔ all green in ${((Date.now() - started) / 1000).toFixed(1)} s\n  ${timings.join('\n  ')}`);
