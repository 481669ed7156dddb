// Creates the database and app role when missing, migrates, grants, seeds demo data once.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preflight } from './preflight.mjs';
import { ROOT, runOrExit } from './lib.mjs';

await preflight();
const cli = resolve(ROOT, 'dist/api/apps/api/src/setup-cli.js');
if (!existsSync(cli)) await runOrExit('npm', ['run', '--silent', 'build:api']);
await runOrExit(process.execPath, [cli]);
