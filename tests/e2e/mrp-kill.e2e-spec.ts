import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Client } from 'pg';
import type { JobView, LoginResponse, MrpPlannedOrderView, MrpRunSubmitted, MrpRunView } from '@mes/shared';
import { bearer, freshTenants, startTestApp, type TestApp } from './support/test-app';

const ROOT = resolve(__dirname, '../..');
const START = '2030-03-04';

interface Worker {
  child: ChildProcessByStdio<null, Readable, Readable>;
  output: () => string;
  exited: Promise<number | null>;
}

/** A real worker process (what `npm start` runs), on this run's database and Redis prefix. */
function startWorker(extraEnv: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/worker.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      // Recover a killed worker's job in seconds instead of 30 s (read only when NODE_ENV=test).
      MRP_TEST_LOCK_MS: '1500',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((done) => {
    child.on('exit', (code) => {
      done(code);
    });
  });
  return { child, output: () => text, exited };
}

/**
 * A worker SIGKILLed while it holds the new plan uncommitted (a test pause between writing the plan
 * and committing it) leaves the previous plan intact and not one row of the new one; a new worker
 * picks the stalled job up and completes it.
 */
describe('mrp: a worker killed mid-write leaves no partial plan, and the job completes on retry', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let s: LoginResponse;
  let db: Client;
  const workers: Worker[] = [];
  const suffix = Date.now().toString(36);

  const post = (path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set(bearer(s.accessToken)).send(body);
  const get = (path: string) => t.http().get(`/api/v1${path}`).set(bearer(s.accessToken));
  const job = async (id: string) => (await get(`/jobs/${id}`).expect(200)).body as JobView;
  const plan = async () =>
    (await get('/mrp/planned-orders?pageSize=500').expect(200)).body as {
      items: MrpPlannedOrderView[];
      runId: string | null;
    };
  async function until<T>(what: string, probe: () => Promise<T | undefined>, worker?: Worker): Promise<T> {
    for (let i = 0; i < 600; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}\n${worker?.output() ?? ''}`);
  }
  const finished = (id: string, worker: Worker) =>
    until(
      `job ${id}`,
      async () => {
        const view = await job(id);
        return view.state === 'completed' || view.state === 'failed' ? view : undefined;
      },
      worker,
    );
  /** Rows of a run in the plan tables, read as the owner (no row-level security). */
  const rowsOf = async (runId: string) => {
    const counts: Record<string, number> = {};
    for (const table of ['mrp_planned_orders', 'mrp_pegs', 'mrp_demands', 'mrp_records', 'mrp_exceptions']) {
      const res = await db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM ${table} WHERE run_id = $1`,
        [runId],
      );
      counts[table] = Number(res.rows[0]!.n);
    }
    return counts;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [s] = await freshTenants(t, suffix, 'mrpkill');
    await post('/subscriptions', { moduleKey: 'mrp', withDependencies: true }).expect(201);
    for (const code of ['KA', 'KB', 'KC'])
      await post('/master-data/items', {
        code,
        name: code,
        type: code === 'KA' ? 'finished' : 'raw',
        baseUnit: '个',
        makeOrBuy: code === 'KA' ? 'make' : 'buy',
        leadTimeDays: 1,
      }).expect(201);
    await post('/master-data/boms', {
      itemCode: 'KA',
      lines: [
        { itemCode: 'KB', qtyPer: '2' },
        { itemCode: 'KC', qtyPer: '3' },
      ],
    }).expect(201);
    await post('/mrp/forecasts', { itemCode: 'KA', qty: '10', dueDate: '2030-03-10' }).expect(201);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    for (const w of workers)
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await db.end();
    await t.close();
  });

  it('keeps the previous plan when the worker dies before committing, then completes the job', async () => {
    // Run 1 on a worker that is stopped normally afterwards.
    const first = startWorker({});
    workers.push(first);
    const run1 = (await post('/mrp/runs', { start: START }).expect(202)).body as MrpRunSubmitted;
    expect(await finished(run1.jobId, first)).toMatchObject({ state: 'completed' });
    first.child.kill('SIGTERM');
    await first.exited;
    const before = await plan();
    expect(before.runId).toBe(run1.runId);
    expect(before.items.map((o) => [o.itemCode, o.qty])).toEqual([
      ['KA', '10'],
      ['KB', '20'],
      ['KC', '30'],
    ]);

    // Run 2 (a bigger plan) on a worker that pauses with the plan written but not committed.
    await post('/mrp/forecasts', { itemCode: 'KA', qty: '5', dueDate: '2030-03-20' }).expect(201);
    const paused = startWorker({ MRP_TEST_PAUSE_MS: '120000' });
    workers.push(paused);
    const run2 = (await post('/mrp/runs', { start: START }).expect(202)).body as MrpRunSubmitted;
    await until(
      'the paused write',
      async () => {
        const view = await job(run2.jobId);
        return view.state === 'active' && view.progress >= 95 ? view : undefined;
      },
      paused,
    );
    // The new rows exist in the worker's open transaction only.
    const live = await db.query<{ state: string }>(
      `SELECT state FROM pg_stat_activity WHERE state = 'idle in transaction' AND datname = current_database()`,
    );
    expect(live.rows.length).toBeGreaterThan(0);
    paused.child.kill('SIGKILL');
    await paused.exited;
    expect(paused.child.signalCode).toBe('SIGKILL');

    // The previous plan, untouched; nothing of run 2 anywhere.
    const after = await plan();
    expect(after.runId).toBe(run1.runId);
    expect(after.items.map((o) => o.id)).toEqual(before.items.map((o) => o.id));
    expect(await rowsOf(run2.runId)).toEqual({
      mrp_planned_orders: 0,
      mrp_pegs: 0,
      mrp_demands: 0,
      mrp_records: 0,
      mrp_exceptions: 0,
    });
    expect(((await get(`/mrp/runs/${run2.runId}`).expect(200)).body as MrpRunView).status).toBe('running');

    // Another worker recovers the stalled job and completes it.
    const rescuer = startWorker({});
    workers.push(rescuer);
    expect(await finished(run2.jobId, rescuer)).toMatchObject({ state: 'completed', progress: 100 });
    const done = (await get(`/mrp/runs/${run2.runId}`).expect(200)).body as MrpRunView;
    expect(done).toMatchObject({ status: 'succeeded', current: true, attempts: 2 });
    const replaced = await plan();
    expect(replaced.runId).toBe(run2.runId);
    expect(replaced.items.map((o) => [o.itemCode, o.qty, o.due])).toEqual([
      ['KA', '10', '2030-03-10'],
      ['KA', '5', '2030-03-20'],
      ['KB', '20', '2030-03-09'],
      ['KB', '10', '2030-03-19'],
      ['KC', '30', '2030-03-09'],
      ['KC', '15', '2030-03-19'],
    ]);
    expect(await rowsOf(run2.runId)).toMatchObject({ mrp_planned_orders: 6, mrp_pegs: 6, mrp_demands: 2 });
    expect((await rowsOf(run1.runId)).mrp_pegs).toBe(0);
  });
});
