/**
 * `npm run bench:import`: imports 10 000 items and 50 000 BOM lines through the real HTTP app and
 * prints the time of each phase. Not a timed test (target: each import well under 30 s).
 *
 * Like the e2e suite it makes a database of its own (migrated and granted by the same setup CLI as
 * `npm start`, no demo data), runs against it as the RLS-bound app role, and drops it at the end.
 * Environment: BENCH_DATABASE_SERVER (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
 */
import 'reflect-metadata';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { TenantsService } from '@mes/platform';
import type { LoginResponse } from '@mes/shared';
import { createHttpApp } from '../../apps/api/src/http-app';
import { createBenchDatabase, dropBenchDatabase, seconds } from './support/bench-database';

const ITEMS = 10_000;
const PARENTS = 2_000;
const COMPONENTS_PER_PARENT = 25;

interface Report {
  total: number;
  created: number;
  updated: number;
  errorCount: number;
}

/** Deterministic pseudo-random numbers (the same file every run). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const code = (i: number) => `B-${String(i).padStart(5, '0')}`;

/**
 * 10 000 items: 2 000 assemblies (200 finished, 1 800 semi-finished, made) and 8 000 bought parts.
 * 50 000 BOM lines: each assembly has 25 distinct components — products and modules take 5
 * assemblies of the next tier and 20 parts, sub-assemblies 25 parts — a four-level DAG with shared
 * components, as in a real product family (components are always of a lower tier: no cycle).
 */
function generate(): { items: string[][]; lines: string[][]; levels: number } {
  const items: string[][] = [
    [
      '物料编码',
      '物料名称',
      '规格型号',
      '类型',
      '基本单位',
      '自制外购',
      '提前期(天)',
      '安全库存',
      '批量规则',
      '批量',
      '批次管理',
      '条码',
      '状态',
    ],
  ];
  for (let i = 0; i < ITEMS; i++) {
    const assembly = i < PARENTS;
    items.push([
      code(i),
      assembly ? `组件 ${i}` : `零件 ${i}`,
      `SPEC-${i % 97}`,
      i < 200 ? '成品' : assembly ? '半成品' : '原材料',
      i % 7 === 0 ? 'kg' : '个',
      assembly ? '自制' : '外购',
      String(i % 15),
      i % 3 === 0 ? '12.5' : '0',
      i % 5 === 0 ? 'FOQ' : '',
      i % 5 === 0 ? '100' : '',
      i % 11 === 0 ? '是' : '否',
      String(6900000000000 + i),
      '启用',
    ]);
  }
  const random = lcg(42);
  const lines: string[][] = [['父项编码', '版本', '子项编码', '用量', '损耗率', '工序号']];
  const quantities = ['1', '2', '0.5', '0.25', '4', '1.5', '0.000125', '3'];
  for (let p = 0; p < PARENTS; p++) {
    const chosen = new Set<number>();
    // Tiers: products 0–199 use modules 200–799, modules use sub-assemblies 800–1999, which use parts.
    const [from, to] = p < 200 ? [200, 800] : p < 800 ? [800, PARENTS] : [0, 0];
    while (chosen.size < (to > from ? 5 : 0)) chosen.add(from + Math.floor(random() * (to - from)));
    while (chosen.size < COMPONENTS_PER_PARENT)
      chosen.add(PARENTS + Math.floor(random() * (ITEMS - PARENTS)));
    let n = 0;
    for (const c of chosen) {
      n++;
      lines.push([
        code(p),
        '',
        code(c),
        quantities[(p + n) % quantities.length] ?? '1',
        n % 4 === 0 ? '0.02' : '0',
        String(10 * (1 + (n % 3))),
      ]);
    }
  }
  // BOM levels below the deepest product (components always have higher numbers than parents).
  const depth = new Map<string, number>();
  for (let i = lines.length - 1; i > 0; i--) {
    const [parent = '', , child = ''] = lines[i] ?? [];
    depth.set(parent, Math.max(depth.get(parent) ?? 1, 1 + (depth.get(child) ?? 0)));
  }
  return { items, lines, levels: Math.max(...depth.values()) };
}

const toCsv = (rows: string[][]) =>
  Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');

async function toXlsx(rows: string[][], numeric: Set<number>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  rows.forEach((row, r) =>
    sheet.addRow(row.map((v, c) => (r > 0 && numeric.has(c) && v !== '' ? Number(v) : v))),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
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
    const http = () => request(nest.getHttpServer() as Parameters<typeof request>[0]);
    await nest.get(TenantsService).create(
      {
        slug: `bench-${run}`,
        name: 'bench',
        adminEmail: `bench-${run}@x.test`,
        adminPassword: 'Password#1',
      },
      null,
    );
    const login = (
      await http()
        .post('/api/v1/auth/login')
        .send({ email: `bench-${run}@x.test`, password: 'Password#1' })
        .expect(200)
    ).body as LoginResponse;

    t0 = performance.now();
    const { items, lines, levels } = generate();
    const files = {
      itemsCsv: toCsv(items),
      linesCsv: toCsv(lines),
      itemsXlsx: await toXlsx(items, new Set([6, 7, 9])),
      linesXlsx: await toXlsx(lines, new Set([3, 4, 5])),
    };
    console.log(
      `generated ${items.length - 1} items and ${lines.length - 1} BOM lines (${PARENTS} BOMs, ${levels} levels deep) ` +
        `in ${seconds(performance.now() - t0)} ` +
        `(CSV ${(files.itemsCsv.length / 1e6).toFixed(1)} + ${(files.linesCsv.length / 1e6).toFixed(1)} MB, ` +
        `xlsx ${(files.itemsXlsx.length / 1e6).toFixed(1)} + ${(files.linesXlsx.length / 1e6).toFixed(1)} MB)\n`,
    );

    const results: string[][] = [];
    const importFile = async (label: string, kind: string, file: Buffer, name: string) => {
      const started = performance.now();
      const res = await http()
        .post(`/api/v1/master-data/imports/${kind}`)
        .set('Authorization', `Bearer ${login.accessToken}`)
        .attach('file', file, name);
      const total = performance.now() - started;
      if (res.status !== 201)
        throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`);
      const report = res.body as Report;
      const timing = Object.fromEntries(
        String(res.headers['server-timing'])
          .split(', ')
          .map((part) => {
            const [name = '', dur = ''] = part.split(';dur=');
            return [name, Number(dur)];
          }),
      ) as Record<string, number>;
      results.push([
        label,
        String(report.total),
        `${report.created} / ${report.updated}`,
        seconds((timing.parse ?? 0) + (timing.validate ?? 0)),
        seconds(timing.parse ?? 0),
        seconds(timing.validate ?? 0),
        seconds(timing.write ?? 0),
        seconds(total),
      ]);
      console.log(`${label}: ${seconds(total)}`);
      return total;
    };

    const firstRun =
      (await importFile('items.csv (create)', 'items', files.itemsCsv, 'items.csv')) +
      (await importFile('bom-lines.csv (create)', 'bom-lines', files.linesCsv, 'bom-lines.csv'));
    const secondRun =
      (await importFile('items.xlsx (update)', 'items', files.itemsXlsx, 'items.xlsx')) +
      (await importFile('bom-lines.xlsx (replace)', 'bom-lines', files.linesXlsx, 'bom-lines.xlsx'));

    const exports: string[] = [];
    for (const [kind, format] of [
      ['items', 'xlsx'],
      ['bom-lines', 'xlsx'],
      ['bom-lines', 'csv'],
    ] as const) {
      const started = performance.now();
      const res = await http()
        .get(`/api/v1/master-data/exports/${kind}?format=${format}`)
        .set('Authorization', `Bearer ${login.accessToken}`)
        .buffer(true)
        .parse((r, done) => {
          let size = 0;
          r.on('data', (c: Buffer) => {
            size += c.length;
          });
          r.on('end', () => {
            done(null, size);
          });
        })
        .expect(200);
      exports.push(
        `export ${kind}.${format}: ${seconds(performance.now() - started)} (${((res.body as number) / 1e6).toFixed(1)} MB)`,
      );
    }

    const header = [
      'import',
      'rows',
      'created / updated',
      'parse+validate',
      'parse',
      'validate',
      'write',
      'total (HTTP)',
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...results.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
    console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const r of results) console.log(line(r));
    console.log(`\n10 000 items + 50 000 BOM lines, CSV, new:      ${seconds(firstRun)}`);
    console.log(`10 000 items + 50 000 BOM lines, xlsx, re-import: ${seconds(secondRun)}`);
    for (const e of exports) console.log(e);
  } finally {
    await dropBenchDatabase(bench, app);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
