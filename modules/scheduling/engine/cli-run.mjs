// `npm run` entry of this engine's CLI: cli.ts with a fast TypeScript hook (scripts/engine-cli.mjs).
import { runEngineCli } from '../../../scripts/engine-cli.mjs';

runEngineCli(new URL('./cli.ts', import.meta.url));
