/**
 * `npm run --silent mrp -- model.json`: plans a model file (PLANNING-FORMATS.md) and prints the result
 * JSON on stdout. A bad model or file → the problems on stderr, exit code 2. The only I/O of the engine.
 */
import { readFileSync, writeSync } from 'node:fs';
import { validateModel } from './model-validator';
import type { NormalizedModel } from './normalized-model';
import { writePlanJson } from './result-json';
import { MrpModelError } from './mrp-model-error';

function fail(message: string, details: { field: string; message: string }[] = []): void {
  const lines = [`mrp: ${message}`, ...details.map((d) => `  ${d.field || '(model)'}: ${d.message}`)];
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exitCode = 2;
}

const WAIT = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes straight to file descriptor 1. `process.stdout.write` on a pipe queues ~150 MB of chunks
 * and took three times the whole planning run; a blocking write costs nothing extra. A pipe that is
 * non-blocking answers EAGAIN when full: wait for the reader and retry.
 */
function writeOut(bytes: Uint8Array): void {
  let data = bytes;
  while (data.length > 0) {
    try {
      const written = writeSync(1, data);
      data = data.subarray(written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(WAIT, 0, 0, 1);
    }
  }
}
function main(args: string[]): void {
  if (args.length !== 1 || args[0] === '--help') {
    fail('usage: npm run --silent mrp -- <model.json>');
    return;
  }
  const file = args[0] ?? '';
  try {
    // Only the validated model stays alive: the parsed JSON (~100 MB on the benchmark) can go.
    const normalized = validatedModel(file);
    if (normalized === undefined) return;
    // Plans completely (a BOM cycle or a quantity overflow throws here) before writing anything.
    writePlanJson(normalized, writeOut);
    writeOut(new Uint8Array([10]));
  } catch (error) {
    if (error instanceof MrpModelError) fail(`invalid model ${file}`, error.details);
    else throw error;
  }
}

function validatedModel(file: string): NormalizedModel | undefined {
  const model = readModel(file);
  return model === undefined ? undefined : validateModel(model.json);
}

/** The parsed file, or undefined after reporting why it cannot be read. */
function readModel(file: string): { json: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    fail(`${file} is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

main(process.argv.slice(2));
