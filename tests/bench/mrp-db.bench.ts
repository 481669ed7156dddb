/**
 * `npm run bench:mrp-db`: the MRP job database to database for a 5 000-item tenant — 5 BOM levels,
 * ~15 000 BOM lines, stock for most items, 500 open purchase order lines, 2 000 open sales order
 * lines (some with reserved stock), 200 forecasts — written straight into the tables by SQL (bench
 * data only), then `POST /mrp/runs` through the service and the real job on an in-process worker:
 * wall time from submit to the job completed, and the handler's phases (model build, engine, stock
 * locking, store). Run twice: the second replaces the first plan. Target: < 10 s.
 *
 * Like the other benchmarks it makes a database of its own (setup CLI, no demo data), runs as the
 * RLS-bound app role, and drops it at the end. Environment: BENCH_DATABASE_SERVER, REDIS_URL,
 * BENCH_ITEMS (default 5000).
 */
import 'reflect-metadata';
import { Module, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { MrpWorkerModule, MRP_QUEUE } from '@mes/mrp-api';
import { JobQueues, JobWorkerHost, PlatformCoreModule, TenantDb, TenantsService } from '@mes/platform';
import request from 'supertest';
import { newId, type LoginResponse, type MrpRunSubmitted, type MrpRunView } from '@mes/shared';
import { createHttpApp } from '../../apps/api/src/http-app';
import { MODULES } from '../../apps/api/src/modules.registry';
import { createBenchDatabase, dropBenchDatabase, seconds } from './support/bench-database';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 5_000);
/** Share of the items per BOM level, top (finished goods) to bottom (purchased parts). */
const LEVELS = [0.1, 0.2, 0.2, 0.2, 0.3];
const PO_LINES = 500;
const SO_LINES = 2_000;
const FORECASTS = 200;
const START = '2030-01-07';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const random = lcg(2026);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
const day = (n: number) =>
  new Date(Date.parse(`${START}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Item {
  id: string;
  code: string;
  level: number;
}

/** INSERT … SELECT FROM unnest(arrays): one statement per table. */
async function insert(m: EntityManager, sql: string, params: unknown[]): Promise<void> {
  await m.query(sql, params);
}

async function seed(m: EntityManager, tenantId: string): Promise<{ items: number; bomLines: number }> {
  const [unit] = await m.query<{ id: string }[]>(`SELECT id FROM md_units WHERE code = '个'`);
  const items: Item[] = [];
  let n = 0;
  LEVELS.forEach((share, level) => {
    const count = level === LEVELS.length - 1 ? ITEMS - n : Math.round(ITEMS * share);
    for (let i = 0; i < count; i++, n++)
      items.push({ id: newId(), code: `L${level}-${String(i).padStart(4, '0')}`, level });
  });
  const byLevel = LEVELS.map((_, level) => items.filter((i) => i.level === level));
  const lot = (level: number) => {
    const r = random();
    if (level < 3 || r < 0.4) return { rule: 'LFL' };
    if (r < 0.6) return { rule: 'FOQ', qty: String(50 * (1 + Math.floor(random() * 4))) };
    if (r < 0.8) return { rule: 'POQ', periods: 7 };
    return { rule: 'MINMULT', min: '100', multiple: '25' };
  };
  await insert(
    m,
    `INSERT INTO md_items (tenant_id, id, code, name, type, base_unit_id, make_or_buy, lead_time_days, safety_stock, lot_sizing)
     SELECT $1, u.id, u.code, u.code, u.type, $2, u.mb, u.lt, u.ss, u.lot::jsonb
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::numeric[], $9::text[])
         AS u(id, code, type, mb, lt, ss, lot)`,
    [
      tenantId,
      unit?.id,
      items.map((i) => i.id),
      items.map((i) => i.code),
      items.map((i) => (i.level === 0 ? 'finished' : i.level === 4 ? 'raw' : 'semi')),
      items.map((i) => (i.level === 4 ? 'buy' : 'make')),
      items.map(() => 1 + Math.floor(random() * 5)),
      items.map((i) => (i.level === 4 && random() < 0.3 ? '20' : '0')),
      items.map((i) => JSON.stringify(lot(i.level))),
    ],
  );
  // One default BOM per made item: 3–6 children from the next levels down.
  const boms: string[] = [];
  const parents: string[] = [];
  const line = {
    bom: [] as string[],
    seq: [] as number[],
    item: [] as string[],
    qty: [] as string[],
    scrap: [] as string[],
  };
  for (const parent of items.filter((i) => i.level < 4)) {
    const bomId = newId();
    boms.push(bomId);
    parents.push(parent.id);
    const children = new Set<Item>();
    const want = 3 + Math.floor(random() * 4);
    while (children.size < want) {
      const level = Math.min(4, parent.level + 1 + (random() < 0.2 ? 1 : 0));
      children.add(pick(byLevel[level]!));
    }
    [...children].forEach((child, k) => {
      line.bom.push(bomId);
      line.seq.push(k + 1);
      line.item.push(child.id);
      line.qty.push(String(1 + Math.floor(random() * 4)));
      line.scrap.push(random() < 0.2 ? '0.02' : '0');
    });
  }
  await insert(
    m,
    `INSERT INTO md_boms (tenant_id, id, item_id, version, is_default, status)
     SELECT $1, u.id, u.item, 'V1', true, 'active' FROM unnest($2::uuid[], $3::uuid[]) AS u(id, item)`,
    [tenantId, boms, parents],
  );
  await insert(
    m,
    `INSERT INTO md_bom_lines (tenant_id, id, bom_id, seq, item_id, qty_per, scrap_rate)
     SELECT $1, gen_random_uuid(), u.bom, u.seq, u.item, u.qty, u.scrap
       FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::numeric[], $6::numeric[]) AS u(bom, seq, item, qty, scrap)`,
    [tenantId, line.bom, line.seq, line.item, line.qty, line.scrap],
  );

  const warehouse = newId();
  await m.query(`INSERT INTO md_warehouses (tenant_id, id, code, name) VALUES ($1, $2, 'WH', '总仓')`, [
    tenantId,
    warehouse,
  ]);
  const stocked = items.filter(() => random() < 0.7);
  const balances = stocked.map(() => newId());
  await insert(
    m,
    `INSERT INTO wh_balances (tenant_id, id, item_id, warehouse_id, on_hand)
     SELECT $1, u.id, u.item, $2, u.qty FROM unnest($3::uuid[], $4::uuid[], $5::numeric[]) AS u(id, item, qty)`,
    [
      tenantId,
      warehouse,
      balances,
      stocked.map((i) => i.id),
      stocked.map(() => String(Math.floor(random() * 300))),
    ],
  );

  const partner = (kind: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: newId(), kind, code: `${kind[0]}-${i}` }));
  const suppliers = partner('supplier', 20);
  const customers = partner('customer', 50);
  await insert(
    m,
    `INSERT INTO md_partners (tenant_id, id, kind, code, name) SELECT $1, u.id, u.kind, u.code, u.code
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(id, kind, code)`,
    [
      tenantId,
      [...suppliers, ...customers].map((p) => p.id),
      [...suppliers, ...customers].map((p) => p.kind),
      [...suppliers, ...customers].map((p) => p.code),
    ],
  );
  // 100 approved purchase orders × 5 lines of purchased parts, due over the next 30 days.
  const pos = Array.from({ length: PO_LINES / 5 }, (_, i) => ({
    id: newId(),
    no: `PO-B-${i}`,
    supplier: pick(suppliers).id,
  }));
  await insert(
    m,
    `INSERT INTO pur_orders (tenant_id, id, no, supplier_id, status, order_date)
     SELECT $1, u.id, u.no, u.s, 'approved', $5::date FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS u(id, no, s)`,
    [tenantId, pos.map((p) => p.id), pos.map((p) => p.no), pos.map((p) => p.supplier), START],
  );
  const poLines = Array.from({ length: PO_LINES }, (_, i) => ({
    order: pos[Math.floor(i / 5)]!.id,
    lineNo: (i % 5) + 1,
    item: pick(byLevel[4]!).id,
    qty: String(100 + Math.floor(random() * 400)),
    due: day(Math.floor(random() * 30)),
  }));
  await insert(
    m,
    `INSERT INTO pur_order_lines (tenant_id, id, order_id, line_no, item_id, qty, unit_price, amount, due_date)
     SELECT $1, gen_random_uuid(), u.o, u.l, u.i, u.q, 1, u.q, u.d
       FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::numeric[], $6::date[]) AS u(o, l, i, q, d)`,
    [
      tenantId,
      poLines.map((l) => l.order),
      poLines.map((l) => l.lineNo),
      poLines.map((l) => l.item),
      poLines.map((l) => l.qty),
      poLines.map((l) => l.due),
    ],
  );
  // 400 confirmed sales orders × 5 lines, mostly finished goods (some spare parts), due over 90 days.
  const sos = Array.from({ length: SO_LINES / 5 }, (_, i) => ({
    id: newId(),
    no: `SO-B-${i}`,
    customer: pick(customers).id,
  }));
  await insert(
    m,
    `INSERT INTO so_orders (tenant_id, id, no, customer_id, status, order_date)
     SELECT $1, u.id, u.no, u.c, 'confirmed', $5::date FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS u(id, no, c)`,
    [tenantId, sos.map((o) => o.id), sos.map((o) => o.no), sos.map((o) => o.customer), START],
  );
  const soLines = Array.from({ length: SO_LINES }, (_, i) => ({
    order: sos[Math.floor(i / 5)]!,
    lineNo: (i % 5) + 1,
    item: pick(byLevel[random() < 0.9 ? 0 : 1]!).id,
    qty: String(1 + Math.floor(random() * 50)),
    due: day(Math.floor(random() * 90)),
  }));
  await insert(
    m,
    `INSERT INTO so_order_lines (tenant_id, id, order_id, line_no, item_id, qty, unit_price, amount, due_date)
     SELECT $1, gen_random_uuid(), u.o, u.l, u.i, u.q, 1, u.q, u.d
       FROM unnest($2::uuid[], $3::int[], $4::uuid[], $5::numeric[], $6::date[]) AS u(o, l, i, q, d)`,
    [
      tenantId,
      soLines.map((l) => l.order.id),
      soLines.map((l) => l.lineNo),
      soLines.map((l) => l.item),
      soLines.map((l) => l.qty),
      soLines.map((l) => l.due),
    ],
  );
  // 200 of the lines have 1 unit reserved (when their item has stock).
  const balanceOf = new Map(stocked.map((item, k) => [item.id, balances[k]!]));
  const reserved = soLines.slice(0, 200).filter((l) => balanceOf.has(l.item));
  await insert(
    m,
    `INSERT INTO wh_reservations (tenant_id, id, balance_id, item_id, warehouse_id, qty, open_qty, demand_type, demand_ref, status)
     SELECT $1, gen_random_uuid(), u.b, u.i, $2, 1, 1, 'sales_order', u.r, 'open'
       FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS u(b, i, r)`,
    [
      tenantId,
      warehouse,
      reserved.map((l) => balanceOf.get(l.item)),
      reserved.map((l) => l.item),
      reserved.map((l) => `${l.order.no}/${l.lineNo}`),
    ],
  );
  await m.query(
    `UPDATE wh_balances b SET reserved = r.qty, on_hand = greatest(b.on_hand, r.qty)
       FROM (SELECT balance_id, sum(open_qty) AS qty FROM wh_reservations GROUP BY balance_id) r WHERE r.balance_id = b.id`,
  );
  const forecastItems = Array.from({ length: FORECASTS }, () => pick(byLevel[0]!));
  await insert(
    m,
    `INSERT INTO mrp_forecasts (tenant_id, id, item_id, qty, due_date)
     SELECT $1, gen_random_uuid(), u.i, u.q, u.d FROM unnest($2::uuid[], $3::numeric[], $4::date[]) AS u(i, q, d)`,
    [
      tenantId,
      forecastItems.map((i) => i.id),
      forecastItems.map(() => String(10 + Math.floor(random() * 40))),
      forecastItems.map(() => day(30 + Math.floor(random() * 120))),
    ],
  );
  return { items: items.length, bomLines: line.bom.length };
}

async function main(): Promise<void> {
  const bench = createBenchDatabase();
  const { run } = bench;
  let app: INestApplication | undefined;
  let worker: INestApplicationContext | undefined;
  try {
    const nest = await createHttpApp({ logger: false });
    app = nest;
    await nest.init();
    const tenant = await nest.get(TenantsService).create(
      {
        slug: `bench-${run}`,
        name: 'bench',
        adminEmail: `bench-${run}@x.test`,
        adminPassword: 'Password#1',
      },
      null,
    );
    const db = nest.get(TenantDb);
    const http = () => request(nest.getHttpServer() as Parameters<typeof request>[0]);
    const login = await http()
      .post('/api/v1/auth/login')
      .send({ email: `bench-${run}@x.test`, password: 'Password#1' })
      .expect(200);
    const auth = { Authorization: `Bearer ${(login.body as LoginResponse).accessToken}` };
    await http()
      .post('/api/v1/subscriptions')
      .set(auth)
      .send({ moduleKey: 'mrp', withDependencies: true })
      .expect(201);
    await http().post('/api/v1/subscriptions').set(auth).send({ moduleKey: 'purchasing' }).expect(201);
    await http().post('/api/v1/subscriptions').set(auth).send({ moduleKey: 'orders' }).expect(201);

    let t0 = performance.now();
    const sizes = await db.runInTenant(tenant.id, (m) => seed(m, tenant.id));
    console.log(
      `tenant data: ${sizes.items} items (5 levels), ${sizes.bomLines} BOM lines, stock, ${PO_LINES} open PO lines, ` +
        `${SO_LINES} open SO lines, ${FORECASTS} forecasts — written in ${seconds(performance.now() - t0)}`,
    );

    @Module({ imports: [PlatformCoreModule.forRoot(MODULES), MrpWorkerModule] })
    class BenchWorkerModule {}
    worker = await NestFactory.createApplicationContext(BenchWorkerModule, { logger: false });
    worker.get(JobWorkerHost).start();
    const queue = nest.get(JobQueues).queue(MRP_QUEUE);

    for (const attempt of [1, 2]) {
      t0 = performance.now();
      const submitted = await http().post('/api/v1/mrp/runs').set(auth).send({ start: START }).expect(202);
      const { runId, jobId } = submitted.body as MrpRunSubmitted;
      for (;;) {
        const job = await queue.getJob(jobId);
        const state = job ? await job.getState() : 'missing';
        if (state === 'completed') break;
        if (state === 'failed') throw new Error(`run failed: ${job?.failedReason}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const wall = performance.now() - t0;
      const view = (await http().get(`/api/v1/mrp/runs/${runId}`).set(auth).expect(200)).body as MrpRunView;
      const phases = Object.entries(view.timings ?? {})
        .map(([name, ms]) => `${name} ${seconds(ms)}`)
        .join(', ');
      console.log(
        `\nrun ${attempt}${attempt === 2 ? ' (replaces run 1)' : ''}: ${view.status} in ${seconds(wall)} database to database ` +
          `(submit → job completed)\n  phases: ${phases}\n  counts: ${JSON.stringify(view.counts)}`,
      );
      if (view.status !== 'succeeded' || wall > 10_000) process.exitCode = 1;
    }
    const [rows] = await db.runInTenant(tenant.id, (m) =>
      m.query<{ orders: string; pegs: string }[]>(
        `SELECT (SELECT count(*) FROM mrp_planned_orders)::text AS orders, (SELECT count(*) FROM mrp_pegs)::text AS pegs`,
      ),
    );
    console.log(
      `\nstored now: ${rows?.orders} planned orders (current and replaced plan), ${rows?.pegs} pegs`,
    );
  } finally {
    await worker?.close();
    await dropBenchDatabase(bench, app);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
