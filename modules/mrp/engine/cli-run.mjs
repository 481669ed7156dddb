/**
 * Starts cli.ts for `npm run mrp`: a require hook that compiles the engine's TypeScript files with
 * @swc/core directly. @swc-node/register reads the tsconfig through the TypeScript compiler, which
 * alone took 0.3–0.9 s of start-up; the engine imports nothing but its own files and node:fs, so
 * stripping the types is all it needs. Always the current sources: no build step, no cache.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
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

require('./cli.ts');
