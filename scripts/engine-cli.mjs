/**
 * Starts a planning engine's CLI (`npm run mrp`, `npm run jssp`): a require hook that compiles the
 * engine's TypeScript files with @swc/core directly. @swc-node/register reads the tsconfig through the
 * TypeScript compiler, which alone took 0.3–0.9 s of start-up; an engine imports nothing but its own
 * files and node built-ins, so stripping the types is all it needs. Always the current sources: no build
 * step, no cache (decision 0011).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Runs `entry` (a cli.ts URL) with .ts files compiled on load. */
export function runEngineCli(entry) {
  const { transformSync } = require('@swc/core');
  const options = {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: false,
    swcrc: false,
    configFile: false,
  };
  require.extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
    module._compile(code, filename);
  };
  require(fileURLToPath(entry));
}
