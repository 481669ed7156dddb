import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jsspProblem, parseJssp } from './jssp-parser';
import { flattenShop } from './model';
import { checkSchedule } from './schedule-checker';

const ROOT = resolve(__dirname, '../../..');
const FT06 = resolve(ROOT, 'benchmarks/jssp/ft06.txt');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['modules/scheduling/engine/cli-run.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

/** Each case starts node: seconds on a busy machine. */
const SLOW = 30_000;

describe('jssp CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jssp-cli-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'prints only the JSON on stdout; its starts are valid and reproduce the makespan',
    () => {
      const out = run(FT06, '--time-limit-ms', '500', '--seed', '3');
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      expect(out.stdout.endsWith('}\n')).toBe(true);
      const result = JSON.parse(out.stdout) as { makespan: number; starts: number[][] };
      expect(Object.keys(result)).toEqual(['makespan', 'starts']);
      const shop = flattenShop(jsspProblem(parseJssp(readFileSync(FT06, 'utf8'))));
      expect(checkSchedule(shop, { starts: result.starts, makespan: result.makespan })).toEqual([]);
      expect(result.makespan).toBeLessThanOrEqual(60);
    },
    SLOW,
  );

  it(
    'a malformed file: exit 2, line and column on stderr, nothing on stdout',
    () => {
      const file = join(dir, 'bad.txt');
      writeFileSync(file, '2 2\n0 3 1 2\n0 2 9 1\n');
      const out = run(file);
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain('line 3, column 5: job 1, operation 1: machine: 9 is outside 0…1');
    },
    SLOW,
  );

  it(
    'a missing file or a bad option: exit 2 with a message',
    () => {
      const missing = run(join(dir, 'none.txt'));
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('cannot read');
      const option = run(FT06, '--time-limit-ms', 'soon');
      expect(option.status).toBe(2);
      expect(option.stdout).toBe('');
      expect(option.stderr).toContain('--time-limit-ms needs a whole number');
    },
    SLOW,
  );
});
