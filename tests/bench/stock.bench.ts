/**
 * `npm run bench:stock`: 100 000 stock movements over 1 000 items through the service layer
 * (StockLedger.post, each document in its own tenant transaction, 8 at a time as a busy warehouse
 * would), then the time of stock-by-item queries at that size, and a check that every balance still
 * equals the sum of its movements. Not a timed test: it prints figures.
 *
 * Like the e2e suite it makes a database of its own (migrated and granted by the same setup CLI as
 * `npm start`, no demo data), runs as the RLS-bound app role, and drops it at the end.
 * Environment: BENCH_DATABASE_SERVER (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL,
 * BENCH_MOVEMENTS (default 100000), BENCH_ITEMS (default 1000).
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { TenantDb, TenantsService } from '@mes/platform';
import { StockLedger, StockQueries, InsufficientStockError, type LedgerDocument } from '@mes/warehousing-api';
import { createHttpApp } from '../../apps/api/src/http-app';
import { createBenchDatabase, dropBenchDatabase, seconds } from './support/bench-database';

const MOVEMENTS = Number(process.env.BENCH_MOVEMENTS ?? 100_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000);
const CONCURRENCY = 8;
const LOCATIONS = ['A-01', 'A-02', 'A-03', 'B-01', 'B-02'];

const code = (i: number) => `S-${String(i).padStart(4, '0')}`;

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One document of the mix: receipts, issues, transfers and a few adjustments, 1–3 lines each. */
function nextDocument(random: () => number): LedgerDocument {
  const roll = random();
  const lines = 1 + Math.floor(random() * 3);
  const line = () => {
    const item = code(Math.floor(random() * ITEMS));
    const location = LOCATIONS[Math.floor(random() * LOCATIONS.length)] ?? 'A-01';
    return { item, location };
  };
  if (roll < 0.5) {
    return {
      type: 'purchase_receipt',
      ref: 'PO-BENCH',
      lines: Array.from({ length: lines }, () => {
        const { item, location } = line();
        return {
          itemCode: item,
          warehouseCode: 'WH-A',
          locationCode: location,
          qty: String(5 + Math.floor(random() * 20)),
        };
      }),
    };
  }
  if (roll < 0.85) {
    return {
      type: 'production_issue',
      ref: 'WO-BENCH',
      lines: Array.from({ length: lines }, () => ({
        itemCode: line().item,
        warehouseCode: 'WH-A',
        qty: (1 + Math.floor(random() * 8)).toString(),
      })),
    };
  }
  if (roll < 0.97) {
    const { item, location } = line();
    return {
      type: 'transfer',
      lines: [
        { itemCode: item, warehouseCode: 'WH-A', locationCode: location, qty: '1', toWarehouseCode: 'WH-B' },
      ],
    };
  }
  const { item, location } = line();
  return {
    type: 'adjustment',
    lines: [
      { itemCode: item, warehouseCode: 'WH-A', locationCode: location, qty: random() < 0.5 ? '1.5' : '-0.5' },
    ],
  };
}

async function main(): Promise<void> {
  const bench = createBenchDatabase();
  const { run } = bench;
  let app: INestApplication | undefined;
  try {
    let t0 = performance.now();
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
    const ledger = nest.get(StockLedger);
    const queries = nest.get(StockQueries);

    t0 = performance.now();
    await db.runInTenant(tenant.id, async (m) => {
      const [unit] = await m.query<{ id: string }[]>(`SELECT id FROM md_units WHERE code = '个'`);
      for (const [i, wh] of ['WH-A', 'WH-B'].entries()) {
        const id = `0190000${i}-0000-7000-8000-000000000000`;
        await m.query(
          `INSERT INTO md_warehouses (tenant_id, id, code, name, address, created_at, updated_at) VALUES ($1, $2, $3, $3, '', now(), now())`,
          [tenant.id, id, wh],
        );
        for (const [j, loc] of LOCATIONS.entries())
          await m.query(
            `INSERT INTO md_locations (tenant_id, id, warehouse_id, code, name) VALUES ($1, $2, $3, $4, $4)`,
            [tenant.id, `0190000${i}-0000-7000-8000-00000000000${j + 1}`, id, loc],
          );
      }
      await m.query(
        `INSERT INTO md_items (tenant_id, id, code, name, spec, type, base_unit_id, make_or_buy, lead_time_days,
           safety_stock, lot_sizing, lot_tracked, inspection_required, status, created_at, updated_at)
         SELECT $1, gen_random_uuid(), 'S-' || lpad(i::text, 4, '0'), '物料 ' || i, '', 'raw', $2, 'buy', 0,
                0, '{"rule":"LFL"}', false, false, 'active', now(), now()
           FROM generate_series(0, $3 - 1) AS i`,
        [tenant.id, unit?.id, ITEMS],
      );
    });
    console.log(
      `${ITEMS} items, 2 warehouses × ${LOCATIONS.length} locations set up in ${seconds(performance.now() - t0)}`,
    );

    // Opening balances (期初), 100 lines a document, so issues mostly find stock.
    const random = lcg(7);
    t0 = performance.now();
    for (let first = 0; first < ITEMS; first += 100) {
      await db.runInTenant(tenant.id, () =>
        ledger.post(tenant.id, null, {
          type: 'opening',
          lines: Array.from({ length: Math.min(100, ITEMS - first) }, (_, k) => ({
            itemCode: code(first + k),
            warehouseCode: 'WH-A',
            locationCode: LOCATIONS[k % LOCATIONS.length] ?? 'A-01',
            qty: '200',
          })),
        }),
      );
    }
    console.log(`opening balances of ${ITEMS} items posted in ${seconds(performance.now() - t0)}`);
    let written = 0;
    let documents = 0;
    let refused = 0;
    const post = async (doc: LedgerDocument) => {
      try {
        const result = await db.runInTenant(tenant.id, () => ledger.post(tenant.id, null, doc));
        written += result.movements.length;
        documents++;
      } catch (error) {
        if (!(error instanceof InsufficientStockError)) throw error;
        refused++;
      }
    };
    t0 = performance.now();
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (written < MOVEMENTS) await post(nextDocument(random));
    });
    await Promise.all(workers);
    const elapsed = performance.now() - t0;
    console.log(
      `\n${written} movements in ${documents} documents (${refused} issues refused: INSUFFICIENT_STOCK) ` +
        `in ${seconds(elapsed)}, ${CONCURRENCY} concurrent`,
    );
    console.log(
      `  → ${Math.round(written / (elapsed / 1000))} movements/s, ${Math.round(documents / (elapsed / 1000))} documents/s`,
    );

    const timeIt = async (label: string, work: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const s = performance.now();
        await db.runInTenant(tenant.id, work);
        samples.push(performance.now() - s);
      }
      samples.sort((a, b) => a - b);
      console.log(
        `  ${label}: median ${samples[3]?.toFixed(1)} ms (min ${samples[0]?.toFixed(1)}, max ${samples[6]?.toFixed(1)})`,
      );
    };
    const [counts] = await db.runInTenant(tenant.id, (m) =>
      m.query<{ balances: string; movements: string }[]>(
        `SELECT (SELECT count(*) FROM wh_balances)::text AS balances, (SELECT count(*) FROM wh_movements)::text AS movements`,
      ),
    );
    console.log(`\nqueries at ${counts?.movements} movements, ${counts?.balances} balances (7 runs each):`);
    await timeIt('stock by item, first page of 50', () => queries.byItem({ page: 1, pageSize: 50 }));
    await timeIt('stock by item, all 1 000 items (2 pages of 500)', async () => {
      await queries.byItem({ page: 1, pageSize: 500 });
      await queries.byItem({ page: 2, pageSize: 500 });
    });
    await timeIt('stock of one item (GET /warehousing/stock?itemCode=)', () =>
      queries.stock({ page: 1, pageSize: 50, itemCode: code(500) }),
    );
    await timeIt('movement history of one item, first page', () =>
      queries.movements({ page: 1, pageSize: 50, itemCode: code(500) }),
    );
    await timeIt('ageing of the whole warehouse', () =>
      queries.ageing({ page: 1, pageSize: 50, warehouseCode: 'WH-A' }),
    );

    const [check] = await db.runInTenant(tenant.id, (m) =>
      m.query<{ wrong: string; negative: string }[]>(
        `SELECT count(*) FILTER (WHERE b.on_hand <> coalesce(s.total, 0))::text AS wrong,
                count(*) FILTER (WHERE b.on_hand < 0)::text AS negative
           FROM wh_balances b
           LEFT JOIN (SELECT balance_id, sum(qty) AS total FROM wh_movements GROUP BY balance_id) s ON s.balance_id = b.id`,
      ),
    );
    console.log(
      `\nconsistency: ${check?.wrong} balances differ from the sum of their movements, ${check?.negative} negative`,
    );
    if (check?.wrong !== '0' || check.negative !== '0') process.exitCode = 1;
  } finally {
    await dropBenchDatabase(bench, app);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
