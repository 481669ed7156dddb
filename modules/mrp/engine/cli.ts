/**
 * `npm run --silent mrp -- model.json`: plans a model file (PLANNING-FORMATS.md) and prints the result
 * JSON on stdout. A bad model or file → the problems on stderr, exit code 2. The only I/O of the engine.
 */
import { readFileSync } from 'node:fs';
import { writeMrpJson } from './result-json';
import { MrpModelError } from './mrp-model-error';

function fail(message: string, details: { field: string; message: string }[] = []): void {
  const lines = [`mrp: ${message}`, ...details.map((d) => `  ${d.field || '(model)'}: ${d.message}`)];
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exitCode = 2;
}

function main(args: string[]): void {
  if (args.length !== 1 || args[0] === '--help') {
    fail('usage: npm run --silent mrp -- <model.json>');
    return;
  }
  const file = args[0] ?? '';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
    return;
  }
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch (error) {
    fail(`${file} is not valid JSON: ${(error as Error).message}`);
    return;
  }
  try {
    writeMrpJson(model, (chunk) => process.stdout.write(chunk));
    process.stdout.write('\n');
  } catch (error) {
    if (error instanceof MrpModelError) fail(`invalid model ${file}`, error.details);
    else throw error;
  }
}

main(process.argv.slice(2));
