import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', 'modules/mrp/engine/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    encoding: 'utf8',
  });

/** Each case starts node with @swc-node/register: seconds on a busy machine. */
const SLOW = 60_000;

describe('mrp CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mrp-cli-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'prints only the result JSON on stdout',
    () => {
      const out = run('modules/mrp/engine/fixtures/doc-example.json');
      expect(out.status).toBe(0);
      expect(out.stderr).toBe('');
      expect(JSON.parse(out.stdout)).toEqual({
        plannedOrders: [
          {
            item: 'A',
            kind: 'make',
            qty: '10',
            release: '2026-01-10',
            due: '2026-01-12',
            pegs: [{ demand: 'SO-1', qty: '10' }],
          },
        ],
        exceptions: [],
      });
    },
    SLOW,
  );

  it(
    'a bad model: exit 2, the fields on stderr, nothing on stdout',
    () => {
      const file = join(dir, 'bad.json');
      writeFileSync(
        file,
        JSON.stringify({
          start: '2026-01-05',
          items: [{ code: 'A', type: 'make' }],
          demands: [{ item: 'Q', qty: '1', due: '2026-01-06' }],
        }),
      );
      const out = run(file);
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain('demands[0].item: unknown item "Q"');
    },
    SLOW,
  );

  it(
    'not JSON, or no file: exit 2',
    () => {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{"start": ');
      expect(run(file)).toMatchObject({ status: 2, stdout: '' });
      expect(run()).toMatchObject({ status: 2, stdout: '' });
    },
    SLOW,
  );
});
