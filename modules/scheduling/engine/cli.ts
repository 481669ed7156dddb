/**
 * `npm run --silent jssp -- <instance-file> [--time-limit-ms N] [--seed S]`: solves a job-shop
 * instance in the OR-Library / Taillard text form and prints `{ "makespan": N, "starts": [[…], …] }`
 * (starts per job in routing order) on stdout, nothing else. A malformed file or bad arguments → a
 * message on stderr, exit code 2. The only I/O of the engine.
 */
import { readFileSync, writeSync } from 'node:fs';
import { startsByJob } from './dispatch';
import { JsspParseError, jsspProblem, parseJssp } from './jssp-parser';
import { flattenShop } from './model';
import { DEFAULT_TIME_LIMIT_MS, solveShop } from './solver';

const USAGE = 'usage: npm run --silent jssp -- <instance-file> [--time-limit-ms N] [--seed S]';

function fail(message: string): void {
  process.stderr.write(`jssp: ${message}\n`);
  process.exitCode = 2;
}

interface Args {
  file: string;
  timeLimitMs: number;
  seed: number;
}

function parseArgs(args: string[]): Args | string {
  let file: string | undefined;
  let timeLimitMs = DEFAULT_TIME_LIMIT_MS;
  let seed = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (name === '--time-limit-ms' || name === '--seed') {
      const value = inline ?? args[++i];
      if (value === undefined || !/^\d+$/.test(value))
        return `${name} needs a whole number ≥ 0, got ${value === undefined ? 'nothing' : `"${value}"`}`;
      if (name === '--time-limit-ms') timeLimitMs = Number(value);
      else seed = Number(value);
    } else if (name.startsWith('--') || file !== undefined) {
      return `unexpected argument "${arg}"`;
    } else {
      file = arg;
    }
  }
  if (file === undefined) return 'no instance file given';
  return { file, timeLimitMs, seed };
}

function writeOut(text: string): void {
  let data = Buffer.from(text, 'utf8');
  while (data.length > 0) {
    try {
      data = data.subarray(writeSync(1, data));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

function main(argv: string[]): void {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    fail(`${args}\n${USAGE}`);
    return;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    fail(`cannot read ${args.file}: ${(error as Error).message}`);
    return;
  }
  let instance;
  try {
    instance = parseJssp(text);
  } catch (error) {
    if (error instanceof JsspParseError) {
      fail(`${args.file}: ${error.message}`);
      return;
    }
    throw error;
  }
  const shop = flattenShop(jsspProblem(instance));
  const result = solveShop(shop, { timeLimitMs: args.timeLimitMs, seed: args.seed });
  writeOut(`${JSON.stringify({ makespan: result.makespan, starts: startsByJob(shop, result.starts) })}\n`);
}

main(process.argv.slice(2));
