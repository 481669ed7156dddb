/**
 * `npm run bench:report`: throughput and latency of 报工 — `POST /api/v1/production-execution/
 * work-orders/:id/reports` — on the RUNNING API (compiled, NODE_ENV=production, as `npm start` serves
 * it), next to pgbench's figure for a comparable single-row insert transaction on the same server: the
 * database's own ceiling on this machine. Targets (issue 7): API ≥ 40 % of the pgbench tps, p99 ≤ 100 ms.
 *
 * Design (decision 0015, "Benchmark"):
 * - A database of its own (tests/bench/support/bench-database: migrated, app role granted, no demo
 *   data) and a Redis prefix of its own; one tenant subscribed to production-execution (with its
 *   dependencies), one finished item `BENCH-FG` made on a 3-operation routing (10 下料 → 20 装配 → 30 测试),
 *   no BOM.
 * - What is measured is the typical report: a MIDDLE operation (seq 20), which posts no stock (only the
 *   first operation backflushes, only the last receives). Every work order is for 100 000 000 and its
 *   first operation has reported all of it in the seeding, so OVER_REPORT never triggers and the work
 *   order never completes during the run.
 * - Main figure: 50 connections, each on a work order of its own (50 work orders, autocannon's one URL per
 *   connection), so connections do not queue on one work order's row lock (reports lock the work order
 *   `FOR UPDATE`). Secondary line: all 50 connections on ONE work order (they serialize on its lock).
 * - Each request carries its own Idempotency-Key (made in `setupRequest`) and `{ operationSeq: 20,
 *   goodQty: '1' }`, so the platform's idempotency claim, the usage meter and the tenant transaction
 *   are all on the measured path, as on a tablet.
 * - The API is started like production: `npm run build:api` when dist is older than the sources, then
 *   `node dist/api/apps/api/src/main.js` with NODE_ENV=production, the bench DATABASE_URL and
 *   REDIS_PREFIX, LOG_LEVEL=warn, a free PORT, a random JWT_SECRET. Wait for /api/health, sign in,
 *   warm up 3 s, then autocannon 50 connections × 30 s (BENCH_REPORT_SECONDS), then the one-hot-work-order
 *   run (BENCH_REPORT_HOT_SECONDS, default 10 s).
 * - Exactly-once: every key answered 2xx is stored as exactly one report, and the stored reports of the
 *   run are the 2xx answers plus at most the requests in flight when autocannon stopped (it does not
 *   wait for them; the server still commits them). Printed; a failure exits 1.
 * - pgbench on the same server and database: `bench_insert` (a row like pe_reports': tenant, work
 *   order, seq, quantities, timestamps), script `BEGIN; INSERT …; COMMIT;`, `-n -c 50 -j 2 -T 30
 *   -M prepared` (BENCH_PGBENCH_SECONDS), tps parsed, p50/p99 from its per-transaction log.
 * - Then the API is stopped and the database (with bench_insert) and Redis keys are dropped.
 *
 * Environment: BENCH_DATABASE_SERVER (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL,
 * BENCH_REPORT_SECONDS (30), BENCH_REPORT_HOT_SECONDS (10, 0 skips), BENCH_REPORT_FLOOR_SECONDS (5, 0
 * skips), BENCH_REPORT_CEILING_SECONDS (10, 0 skips), BENCH_PGBENCH_SECONDS (30), BENCH_CONNECTIONS
 * (50), BENCH_API_WORKERS (the API's API_WORKERS: one HTTP process per core), BENCH_API_NODE_ARGS (extra node flags for the API,
 * e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`). The machine's load average is printed before each
 * measurement, and the CPU per request of the API and of PostgreSQL (from /proc) after it.
 * - "Platform floor" (secondary): autocannon on an authenticated one-query tenant read (GET
 *   /production-execution/settings) — what the guards, interceptors and tenant transaction alone allow
 *   on this machine, the ceiling any endpoint of this API can reach here.
 * - "Framework ceiling" (secondary): the same POST against an empty NestJS app on the same adapter
 *   (support/empty-nest-app.ts: no token, no database) — what NestJS itself allows on this machine.
 */
import 'reflect-metadata';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { TenantsService } from '@mes/platform';
import { createHttpApp } from '../../apps/api/src/http-app';
import {
  createBenchDatabase,
  dropBenchDatabase,
  seconds,
  type BenchDatabase,
} from './support/bench-database';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

const ROOT = resolve(__dirname, '../..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_REPORT_SECONDS ?? 30);
const HOT_SECONDS = Number(process.env.BENCH_REPORT_HOT_SECONDS ?? 10);
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? 30);
const FLOOR_SECONDS = Number(process.env.BENCH_REPORT_FLOOR_SECONDS ?? 5);
const CEILING_SECONDS = Number(process.env.BENCH_REPORT_CEILING_SECONDS ?? 10);
const API_WORKERS = Number(process.env.BENCH_API_WORKERS ?? cpus().length);
const WO_QTY = '100000000';
const WO_PATH = '/api/v1/production-execution/work-orders';

const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (${cpus().length} cores)`;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolvePort(port);
      });
    });
  });
}

/** The newest mtime of the API's sources (the build's include set). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'web') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuilt(): string {
  const mainJs = resolve(ROOT, 'dist/api/apps/api/src/main.js');
  let built = 0;
  try {
    built = statSync(mainJs).mtimeMs;
  } catch {
    // not built yet
  }
  const sources = Math.max(
    newestSource(resolve(ROOT, 'apps/api/src')),
    newestSource(resolve(ROOT, 'libs/platform/src')),
    newestSource(resolve(ROOT, 'libs/shared/src')),
    newestSource(resolve(ROOT, 'modules')),
  );
  if (sources > built) {
    const t0 = performance.now();
    console.log('dist is older than the sources: npm run build:api');
    execFileSync('npm', ['run', '--silent', 'build:api'], { cwd: ROOT, stdio: 'inherit' });
    console.log(`built in ${seconds(performance.now() - t0)}`);
  }
  return mainJs;
}

async function startApi(bench: BenchDatabase): Promise<{ baseUrl: string; child: ChildProcess }> {
  const mainJs = ensureBuilt();
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, mainJs], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: bench.config.databaseUrl,
      REDIS_PREFIX: bench.config.redisPrefix,
      LOG_LEVEL: 'warn',
      PORT: String(port),
      API_WORKERS: String(API_WORKERS),
      JWT_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited during start-up (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('GET /api/health did not answer 200 within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    `API (dist, NODE_ENV=production, pid ${child.pid}, API_WORKERS=${API_WORKERS}) on ${baseUrl} ` +
      `in ${seconds(performance.now() - t0)}`,
  );
  return { baseUrl, child };
}

async function stopApi(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function api(baseUrl: string, token: string | null) {
  return async <T>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

interface Measured {
  result: AutocannonResult;
  acknowledged: string[];
}

/** autocannon with one URL per connection (urls.length = 1: every connection on the same work order). */
async function hammer(urls: string[], token: string, duration: number, keyPrefix: string): Promise<Measured> {
  const acknowledged: string[] = [];
  const body = JSON.stringify({ operationSeq: 20, goodQty: '1' });
  const result = await autocannon({
    url: urls,
    connections: CONNECTIONS,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
        setupRequest: (req: { headers: Record<string, string> }, context: { key?: string }) => {
          context.key = `${keyPrefix}-${randomUUID()}`;
          return { ...req, headers: { ...req.headers, 'idempotency-key': context.key } };
        },
        onResponse: (status: number, _body: string, context: { key?: string }) => {
          if (status >= 200 && status < 300 && context.key) acknowledged.push(context.key);
        },
      },
    ],
  });
  return { result, acknowledged };
}

/**
 * CPU seconds (user + system) used so far by the API (the process and its children: the cluster's HTTP
 * processes) and by all PostgreSQL processes, from /proc (Linux; null elsewhere). Per request it shows
 * where the time goes on a shared machine.
 */
function cpuSeconds(apiPid: number | undefined): { api: number; postgres: number } | null {
  const fieldsOf = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = (fields: string[]) => Number(fields[11]) + Number(fields[12]); // utime, stime
  // + cutime, cstime: the postmaster collects its exited backends' CPU (pgbench's connections end with it)
  const withChildren = (fields: string[]) => ticks(fields) + Number(fields[13]) + Number(fields[14]);
  try {
    let postgres = 0;
    let api = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = fieldsOf(stat);
        if (stat.includes('(postgres)')) postgres += withChildren(fields);
        else if (apiPid && (Number(pid) === apiPid || Number(fields[1]) === apiPid)) api += ticks(fields);
      } catch {
        // gone meanwhile
      }
    }
    const hz = 100; // USER_HZ on Linux
    return { api: api / hz, postgres: postgres / hz };
  } catch {
    return null;
  }
}

interface Cpu {
  /** ms of CPU per request (or transaction); NaN without /proc. */
  api: number;
  postgres: number;
  text: string;
}

async function measured<T>(
  apiPid: number | undefined,
  work: () => Promise<T>,
  requests: (value: T) => number,
): Promise<{ value: T; cpu: Cpu }> {
  const before = cpuSeconds(apiPid);
  const value = await work();
  const after = cpuSeconds(apiPid);
  const n = requests(value) || 1;
  const api = before && after ? ((after.api - before.api) * 1000) / n : NaN;
  const postgres = before && after ? ((after.postgres - before.postgres) * 1000) / n : NaN;
  const text =
    before && after
      ? `CPU per request: API ${api.toFixed(2)} ms, PostgreSQL (all processes) ${postgres.toFixed(2)} ms`
      : 'CPU per request: n/a (no /proc)';
  return { value, cpu: { api, postgres, text } };
}

const line = (label: string, r: AutocannonResult) =>
  `${label}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms ` +
  `(avg ${r.latency.average.toFixed(1)}, max ${r.latency.max}); ${r['2xx']} 2xx, ${r.non2xx} non-2xx, ` +
  `${r.errors} errors, ${r.timeouts} timeouts`;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function pgbench(
  bench: BenchDatabase,
): Promise<{ tps: number; transactions: number; p50: number; p99: number }> {
  const client = new Client({ connectionString: bench.config.databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_insert (
      tenant_id uuid NOT NULL,
      id bigserial,
      work_order_id uuid NOT NULL,
      operation_seq int NOT NULL,
      good_qty numeric(18,6) NOT NULL,
      scrap_qty numeric(18,6) NOT NULL DEFAULT 0,
      idempotency_key varchar(200),
      reported_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id))`);
  } finally {
    await client.end();
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  try {
    const script = join(dir, 'insert.sql');
    writeFileSync(
      script,
      `BEGIN;
INSERT INTO bench_insert (tenant_id, work_order_id, operation_seq, good_qty, idempotency_key)
  VALUES ('01900000-0000-7000-8000-000000000001', gen_random_uuid(), 20, 1, md5(random()::text));
COMMIT;
`,
    );
    const { stdout } = await promisify(execFile)(
      'pgbench',
      [
        '-n',
        '-f',
        script,
        '-c',
        String(CONNECTIONS),
        '-j',
        '2',
        '-T',
        String(PGBENCH_SECONDS),
        '-M',
        'prepared',
        '-l',
        `--log-prefix=${join(dir, 'log')}`,
        bench.config.databaseUrl,
      ],
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? NaN);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? NaN);
    // Per-transaction log: client_id transaction_no time(µs) script_no time_epoch time_us
    const latencies: number[] = [];
    for (const file of readdirSync(dir).filter((f) => f.startsWith('log')))
      for (const row of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const us = Number(row.split(' ')[2]);
        if (Number.isFinite(us) && row) latencies.push(us / 1000);
      }
    latencies.sort((a, b) => a - b);
    return { tps, transactions, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The framework's ceiling (support/empty-nest-app.ts): the same POST, body and connections against an
 * empty NestJS app on the same adapter — what the report endpoint could reach if it did nothing.
 */
async function frameworkCeiling(): Promise<{ result: AutocannonResult; cpu: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'support', 'empty-nest-app.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        NODE_ENV: 'production',
        PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    const url = `http://127.0.0.1:${port}/api/work-orders/w1/reports`;
    const body = JSON.stringify({ operationSeq: 20, goodQty: '1' });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the empty NestJS app exited (${child.exitCode})`);
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        if (res.status === 201) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('the empty NestJS app did not answer within 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const options = {
      url,
      connections: CONNECTIONS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    };
    await autocannon({ ...options, duration: 2 }); // warm-up
    const run = await measured(
      child.pid,
      () => autocannon({ ...options, duration: CEILING_SECONDS }),
      (r) => r.requests.total,
    );
    return { result: run.value, cpu: run.cpu.text.replace('API', 'app') };
  } finally {
    await stopApi(child);
  }
}

/** Every acknowledged key stored exactly once; stored − acknowledged ≤ the requests in flight at the cut-off. */
async function exactlyOnce(
  bench: BenchDatabase,
  label: string,
  m: Measured,
  keyPrefix: string,
): Promise<boolean> {
  const client = new Client({ connectionString: bench.config.databaseUrl });
  await client.connect();
  try {
    const [stored] = (
      await client.query<{ n: string; usage: string }>(
        `SELECT (SELECT count(*) FROM pe_reports WHERE idempotency_key LIKE $1 || '-%')::text AS n,
                (SELECT count(*) FROM platform.usage_events u
                   WHERE u.meter = 'production-execution.reports'
                     AND u.idempotency_key IN
                         (SELECT 'report:' || id FROM pe_reports WHERE idempotency_key LIKE $1 || '-%'))::text AS usage`,
        [keyPrefix],
      )
    ).rows;
    const [check] = (
      await client.query<{ found: string; distinct_found: string }>(
        `SELECT count(*)::text AS found, count(DISTINCT idempotency_key)::text AS distinct_found
           FROM pe_reports WHERE idempotency_key = ANY($1)`,
        [m.acknowledged],
      )
    ).rows;
    const n = Number(stored?.n);
    const acked = m.acknowledged.length;
    const ok =
      Number(check?.found) === acked &&
      Number(check?.distinct_found) === acked &&
      n >= acked &&
      n - acked <= CONNECTIONS &&
      Number(stored?.usage) === n;
    console.log(
      `  exactly-once (${label}): ${acked} answered 2xx, ${check?.found} of them stored ` +
        `(${check?.distinct_found} distinct keys); ${n} reports stored in all ` +
        `(${n - acked} more still in flight when autocannon stopped), ${stored?.usage} usage events → ${ok ? '✔' : '✖'}`,
    );
    return ok;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  console.log(`bench:report — ${load()}`);
  const bench = createBenchDatabase();
  const { run } = bench;
  let child: ChildProcess | undefined;
  try {
    let t0 = performance.now();
    // The tenant is made the way the operator API does (TenantsService), in-process, then that app closes.
    {
      const nest = await createHttpApp({ logger: false });
      await nest.init();
      await nest.get(TenantsService).create(
        {
          slug: `bench-${run}`,
          name: 'bench',
          adminEmail: `bench-${run}@x.test`,
          adminPassword: 'Password#1',
        },
        null,
      );
      await nest.close();
    }
    console.log(`tenant bench-${run} created in ${seconds(performance.now() - t0)}`);

    const started = await startApi(bench);
    child = started.child;
    const { baseUrl } = started;
    const { accessToken } = await api(baseUrl, null)<{ accessToken: string }>('POST', '/auth/login', {
      email: `bench-${run}@x.test`,
      password: 'Password#1',
      tenant: `bench-${run}`,
    });
    const call = api(baseUrl, accessToken);

    t0 = performance.now();
    await call('POST', '/subscriptions', { moduleKey: 'production-execution', withDependencies: true });
    await call('POST', '/master-data/warehouses', { code: 'FG', name: '成品仓' });
    for (const [code, name] of [
      ['WC-CUT', '下料中心'],
      ['WC-ASM', '装配线'],
      ['WC-TST', '测试台'],
    ])
      await call('POST', '/master-data/work-centers', { code, name });
    await call('POST', '/master-data/items', {
      code: 'BENCH-FG',
      name: '压测成品',
      type: 'finished',
      baseUnit: '个',
      makeOrBuy: 'make',
      defaultWarehouseCode: 'FG',
    });
    await call('POST', '/master-data/routings', {
      itemCode: 'BENCH-FG',
      operations: [
        { seq: 10, name: '下料', workCenterCode: 'WC-CUT', runMinutes: '1' },
        { seq: 20, name: '装配', workCenterCode: 'WC-ASM', runMinutes: '1' },
        { seq: 30, name: '测试', workCenterCode: 'WC-TST', runMinutes: '1' },
      ],
    });
    // One work order per connection, plus the hot one; the first operation reports all of it.
    const ids: string[] = [];
    for (let i = 0; i <= CONNECTIONS; i++) {
      const wo = await call<{ id: string }>('POST', WO_PATH.replace('/api/v1', ''), {
        itemCode: 'BENCH-FG',
        qty: WO_QTY,
        warehouseCode: 'FG',
      });
      await call('POST', `/production-execution/work-orders/${wo.id}/release`, { force: true });
      await call('POST', `/production-execution/work-orders/${wo.id}/reports`, {
        operationSeq: 10,
        goodQty: WO_QTY,
      });
      ids.push(wo.id);
    }
    const hotId = ids.pop() ?? '';
    console.log(
      `${ids.length} + 1 work orders of ${WO_QTY} (routing 10 → 20 → 30, operation 10 fully reported) ` +
        `set up in ${seconds(performance.now() - t0)}`,
    );
    const urls = ids.map((id) => `${baseUrl}${WO_PATH}/${id}/reports`);

    console.log(`\nwarm-up 3 s… ${load()}`);
    await hammer(urls, accessToken, 3, 'warm');

    console.log(
      `\nautocannon: ${CONNECTIONS} connections × ${SECONDS} s, POST ${WO_PATH}/:id/reports ` +
        `{ operationSeq: 20 (middle), goodQty: '1' }, an Idempotency-Key each — ${load()}`,
    );
    const { value: main, cpu: mainCpu } = await measured(
      child.pid,
      () => hammer(urls, accessToken, SECONDS, 'main'),
      (m) => m.result.requests.total,
    );
    console.log(line(`  ${CONNECTIONS} work orders, one per connection`, main.result));
    console.log(`  ${mainCpu.text}`);
    let ok = await exactlyOnce(bench, 'main', main, 'main');

    let hot: Measured | undefined;
    if (HOT_SECONDS > 0) {
      console.log(`\none hot work order: ${CONNECTIONS} connections × ${HOT_SECONDS} s — ${load()}`);
      hot = await hammer([`${baseUrl}${WO_PATH}/${hotId}/reports`], accessToken, HOT_SECONDS, 'hot');
      console.log(line('  1 work order, all connections', hot.result));
      ok = (await exactlyOnce(bench, 'hot', hot, 'hot')) && ok;
    }

    let floor: AutocannonResult | undefined;
    if (FLOOR_SECONDS > 0) {
      // What the platform alone costs here: an authenticated tenant read through the same guards,
      // interceptors and tenant transaction, with one small query — the API's ceiling on this machine.
      console.log(
        `\nplatform floor: GET /api/v1/production-execution/settings, ${CONNECTIONS} connections × ${FLOOR_SECONDS} s — ${load()}`,
      );
      const run = await measured(
        child.pid,
        () =>
          autocannon({
            url: `${baseUrl}/api/v1/production-execution/settings`,
            connections: CONNECTIONS,
            duration: FLOOR_SECONDS,
            headers: { authorization: `Bearer ${accessToken}` },
          }),
        (r) => r.requests.total,
      );
      floor = run.value;
      console.log(line('  settings read', floor));
      console.log(`  ${run.cpu.text}`);
    }

    await stopApi(child);
    child = undefined;

    let ceiling: AutocannonResult | undefined;
    if (CEILING_SECONDS > 0) {
      console.log(
        `\nframework ceiling: an empty NestJS POST (Express adapter, JSON body, 2 no-op guards, 2 no-op ` +
          `interceptors, no database), ${CONNECTIONS} connections × ${CEILING_SECONDS} s — ${load()}`,
      );
      const run = await frameworkCeiling();
      ceiling = run.result;
      console.log(line('  empty handler', ceiling));
      console.log(`  ${run.cpu}`);
    }

    console.log(
      `\npgbench: BEGIN; INSERT one row; COMMIT; -c ${CONNECTIONS} -j 2 -T ${PGBENCH_SECONDS} -M prepared — ${load()}`,
    );
    const { value: pg, cpu: pgCpu } = await measured(
      undefined,
      () => pgbench(bench),
      (r) => r.transactions,
    );
    console.log(`  ${pg.tps.toFixed(0)} tps, p50 ${pg.p50.toFixed(2)} ms, p99 ${pg.p99.toFixed(2)} ms`);
    console.log(`  CPU per transaction: PostgreSQL (all processes) ${pgCpu.postgres.toFixed(2)} ms`);

    const rps = main.result.requests.average;
    const ratio = rps / pg.tps;
    const p99 = main.result.latency.p99;
    console.log(`\nsummary (${load()}):`);
    console.log(
      `  API report (middle operation, ${CONNECTIONS} work orders): ${rps.toFixed(0)} req/s, ` +
        `p50 ${main.result.latency.p50} ms, p99 ${p99} ms`,
    );
    if (hot)
      console.log(
        `  API report (one hot work order): ${hot.result.requests.average.toFixed(0)} req/s, ` +
          `p50 ${hot.result.latency.p50} ms, p99 ${hot.result.latency.p99} ms`,
      );
    if (floor)
      console.log(
        `  platform floor (authenticated one-query GET): ${floor.requests.average.toFixed(0)} req/s, ` +
          `p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms`,
      );
    if (ceiling)
      console.log(
        `  framework ceiling (empty NestJS POST, no database): ${ceiling.requests.average.toFixed(0)} req/s ` +
          `= ${((ceiling.requests.average / pg.tps) * 100).toFixed(1)} % of pgbench; the report runs at ` +
          `${((rps / ceiling.requests.average) * 100).toFixed(1)} % of it`,
      );
    console.log(`  pgbench single-row insert transaction: ${pg.tps.toFixed(0)} tps`);
    if (Number.isFinite(mainCpu.postgres) && Number.isFinite(pgCpu.postgres)) {
      // The database's own work per report bounds the rate whatever the API does: even with the API and
      // the load generator free, the cores alone allow cores × 1000 / (its ms per report) reports/s.
      const cores = cpus().length;
      const bound = (cores * 1000) / mainCpu.postgres;
      console.log(
        `  PostgreSQL CPU per report ${mainCpu.postgres.toFixed(2)} ms vs per pgbench transaction ` +
          `${pgCpu.postgres.toFixed(2)} ms (${(mainCpu.postgres / pgCpu.postgres).toFixed(1)}×): with the API ` +
          `and autocannon free, ${cores} cores of PostgreSQL allow at most ${bound.toFixed(0)} reports/s ` +
          `= ${((bound / pg.tps) * 100).toFixed(1)} % of pgbench`,
      );
    }
    console.log(
      `  ratio API / pgbench: ${(ratio * 100).toFixed(1)} % (target ≥ 40 %) ${ratio >= 0.4 ? '✔' : '✖'}`,
    );
    console.log(`  p99: ${p99} ms (target ≤ 100 ms) ${p99 <= 100 ? '✔' : '✖'}`);
    console.log(`  exactly-once: ${ok ? '✔' : '✖'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await stopApi(child);
    await dropBenchDatabase(bench, undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
