/**
 * `npm run bench:mrp`: MRP engine figures on a generated model (deterministic, seeded LCG) of 50 000
 * items over 6 BOM levels, ~150 000 BOM lines and 20 000 demands, with on hand, allocations,
 * scheduled receipts, safety stocks and every lot rule. Prints the time to JSON.parse the model and to
 * JSON.stringify the result (the I/O floor), the engine's wall time and peak memory (sampled through
 * `onProgress`), the planned order and exception counts, and then runs the real CLI
 * (`npm run --silent mrp -- model.json`, as a child process) on the written file against that floor.
 * Not a timed test: it prints figures. Environment: BENCH_MRP_ITEMS (default 50000),
 * BENCH_MRP_DEMANDS (default 20000), BENCH_MRP_SEED (default 20260105).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { planMrp, type MrpModel } from '@mes/mrp-engine';

const ROOT = resolve(__dirname, '../..');
const ITEMS = Number(process.env.BENCH_MRP_ITEMS ?? 50_000);
const DEMANDS = Number(process.env.BENCH_MRP_DEMANDS ?? 20_000);
const SEED = Number(process.env.BENCH_MRP_SEED ?? 20_260_105);
/** Share of the items on each BOM level (level 0 = end products). */
const LEVEL_SHARE = [0.1, 0.14, 0.17, 0.19, 0.2, 0.2];
const FAMILIES = Math.max(1, Math.round(ITEMS / 100));
const HORIZON_DAYS = 120;

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 5) / DAY_MS;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The model: families of products whose BOMs cone down through 6 levels, plus shared common parts. */
export function generateModel(): MrpModel {
  const random = lcg(SEED);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const perFamily = LEVEL_SHARE.map((share) => Math.max(1, Math.floor((ITEMS * share) / FAMILIES)));
  const items: MrpModel['items'] = [];
  /** levels[level][family] = item codes */
  const levels: string[][][] = perFamily.map(() => []);
  const code = (level: number, family: number, i: number) =>
    `L${level}-F${String(family).padStart(4, '0')}-${String(i).padStart(2, '0')}`;

  /** Upper levels mostly lot-for-lot; parts lower down in period or quantity lots, as plants run them. */
  const lotSizing = (level: number): NonNullable<MrpModel['items'][number]['lotSizing']> => {
    const roll = random();
    if (roll < (level <= 1 ? 0.5 : 0.15)) return { rule: 'LFL' };
    if (roll < 0.65) return { rule: 'POQ', periods: level <= 1 ? 7 : pick([7, 14, 21, 28]) };
    if (roll < 0.8) return { rule: 'FOQ', qty: String(pick([100, 250, 500, 1000])) };
    return {
      rule: 'MINMULT',
      min: String(pick([200, 500, 1000])),
      multiple: pick(['10', '12', '50', '0.5']),
    };
  };
  const addItem = (itemCode: string, level: number) => {
    items.push({
      code: itemCode,
      type: level <= 2 || random() < 0.3 ? 'make' : 'buy',
      leadTimeDays: level < 4 ? int(1, 3) : int(2, 10),
      safetyStock: random() < 0.2 ? String(int(1, 40)) : '0',
      lotSizing: lotSizing(level),
    });
  };
  for (let level = 0; level < 6; level++) {
    for (let family = 0; family < FAMILIES; family++) {
      const codes: string[] = [];
      for (let i = 0; i < perFamily[level]!; i++) {
        codes.push(code(level, family, i));
        addItem(codes[i]!, level);
      }
      levels[level]!.push(codes);
    }
  }
  const common: string[] = [];
  for (let i = 0; items.length < ITEMS; i++) {
    common.push(`C-${String(i).padStart(5, '0')}`);
    addItem(common[i]!, 5);
  }
  if (common.length === 0) common.push(levels[5]![0]![0]!);

  const bom: NonNullable<MrpModel['bom']> = [];
  const qtyPer = () =>
    random() < 0.85 ? pick(['1', '1', '1', '2', '3']) : pick(['0.25', '0.5', '1.5', '2.125']);
  const scrapRate = () => (random() < 0.3 ? pick(['0.01', '0.02', '0.05']) : undefined);
  for (let level = 0; level < 5; level++) {
    for (let family = 0; family < FAMILIES; family++) {
      const parents = levels[level]![family]!;
      const children = levels[level + 1]![family]!;
      const lines = new Map<string, Set<string>>(parents.map((p) => [p, new Set<string>()]));
      // Every child has a parent (so it really sits on its level), then a cone of neighbours.
      children.forEach((child, i) => lines.get(parents[i % parents.length]!)!.add(child));
      parents.forEach((parent, i) => {
        // A narrow cone: neighbouring parts of the next level, so a product explodes into ~30 items.
        const centre = Math.floor((i * children.length) / parents.length);
        const want = int(3, 5);
        for (let k = 0; lines.get(parent)!.size < want && k < 12; k++) {
          lines.get(parent)!.add(children[(centre + int(0, 3)) % children.length]!);
        }
        if (level === 4 && random() < 0.1) lines.get(parent)!.add(pick(common));
      });
      for (const [parent, set] of lines) {
        for (const child of set) {
          const scrap = scrapRate();
          bom.push(
            scrap === undefined
              ? { parent, child, qtyPer: qtyPer() }
              : { parent, child, qtyPer: qtyPer(), scrapRate: scrap },
          );
        }
      }
    }
  }

  const onHand: NonNullable<MrpModel['onHand']> = [];
  const allocated: NonNullable<MrpModel['allocated']> = [];
  const scheduledReceipts: NonNullable<MrpModel['scheduledReceipts']> = [];
  items.forEach((item, i) => {
    if (random() < 0.3) onHand.push({ item: item.code, qty: String(int(1, 300)) });
    if (random() < 0.1) allocated.push({ item: item.code, qty: String(int(1, 60)) });
    if (random() < 0.1) {
      scheduledReceipts.push({
        item: item.code,
        qty: String(int(10, 200)),
        due: isoDay(START + int(-3, 60)),
        kind: item.type === 'buy' ? 'PO' : 'WO',
        ref: `${item.type === 'buy' ? 'PO' : 'WO'}-${i}`,
      });
    }
  });
  const demands: NonNullable<MrpModel['demands']> = [];
  for (let i = 0; i < DEMANDS; i++) {
    const level = random() < 0.95 ? 0 : 1;
    const family = levels[level]![int(0, FAMILIES - 1)]!;
    demands.push({
      item: pick(family),
      qty: String(int(1, 50)),
      due: isoDay(START + int(-2, HORIZON_DAYS)),
      ref: `SO-${String(i + 1).padStart(5, '0')}`,
    });
  }
  return { start: isoDay(START), items, bom, onHand, allocated, scheduledReceipts, demands };
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
/** CPU time of the waited-for child processes (Linux /proc, clock ticks of 10 ms); NaN elsewhere. */
const childCpuMs = () => {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const fmt = (value: number) => `${value.toFixed(0)} ms`;

function main(): void {
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const model = generateModel();
  const text = JSON.stringify(model);
  const dir = mkdtempSync(join(tmpdir(), 'mrp-bench-'));
  const file = join(dir, 'model.json');
  writeFileSync(file, text);
  console.log(
    `model: ${model.items.length} items, ${model.bom?.length} BOM lines, ${model.demands?.length} demands, ` +
      `${model.scheduledReceipts?.length} scheduled receipts, ${mb(text.length)} of JSON`,
  );

  let t = process.hrtime.bigint();
  let c = process.cpuUsage();
  const parsed: unknown = JSON.parse(text);
  const parseMs = ms(t);
  const parseCpu = cpuMs(c);

  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > peakRss) peakRss = now.rss;
    if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
  };
  t = process.hrtime.bigint();
  c = process.cpuUsage();
  const result = planMrp(parsed, { onProgress: sample });
  const engineMs = ms(t);
  const engineCpu = cpuMs(c);
  sample();

  t = process.hrtime.bigint();
  c = process.cpuUsage();
  const output = JSON.stringify(result);
  const stringifyMs = ms(t);
  const stringifyCpu = cpuMs(c);
  const floorMs = parseMs + stringifyMs;
  const pegs = result.plannedOrders.reduce((sum, order) => sum + order.pegs.length, 0);
  const byType = new Map<string, number>();
  for (const e of result.exceptions) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);

  console.log(`load average before the run: ${loadAtStart} (2 cores, shared)`);
  console.log(`JSON.parse(model):       ${fmt(parseMs)} wall, ${fmt(parseCpu)} CPU`);
  console.log(`engine planMrp:          ${fmt(engineMs)} wall, ${fmt(engineCpu)} CPU`);
  console.log(
    `JSON.stringify(result):  ${fmt(stringifyMs)} wall, ${fmt(stringifyCpu)} CPU (${mb(output.length)})`,
  );
  console.log(`I/O floor (parse+stringify): ${fmt(floorMs)}`);
  console.log(
    `peak memory during engine: rss ${mb(peakRss)} (+${mb(peakRss - before.rss)}), heapUsed ${mb(peakHeap)} (+${mb(peakHeap - before.heapUsed)})`,
  );
  console.log(
    `planned orders: ${result.plannedOrders.length}, pegs: ${pegs}, exceptions: ${result.exceptions.length} ` +
      `(${[...byType].map(([type, count]) => `${type} ${count}`).join(', ')})`,
  );

  // The real CLI, as `npm run --silent mrp -- file` runs it (npm's own start-up left out). Its stdout
  // is taken as bytes (decoding 146 MB here is the harness's cost, not the CLI's) and compared as such.
  const cliArgs = ['--max-semi-space-size=64', 'modules/mrp/engine/cli-run.mjs'];
  let children = childCpuMs();
  t = process.hrtime.bigint();
  spawnSync(process.execPath, [...cliArgs, '--help'], { cwd: ROOT, encoding: 'utf8' });
  const startupMs = ms(t);
  const startupCpu = childCpuMs() - children;
  children = childCpuMs();
  t = process.hrtime.bigint();
  const cli = spawnSync(process.execPath, [...cliArgs, file], { cwd: ROOT, maxBuffer: 2 ** 30 });
  const cliMs = ms(t);
  const cliCpu = childCpuMs() - children;
  rmSync(dir, { recursive: true, force: true });
  if (cli.status !== 0) throw new Error(`CLI failed (${cli.status}): ${cli.stderr.toString()}`);
  const same = cli.stdout.equals(Buffer.from(`${output}\n`, 'utf8'));
  console.log(
    `CLI start-up alone (node + cli-run.mjs, --help): ${fmt(startupMs)} wall, ${fmt(startupCpu)} CPU`,
  );
  console.log(
    `CLI on the file: ${fmt(cliMs)} wall, ${fmt(cliCpu)} CPU  (output identical to in-process: ${same})`,
  );
  console.log(
    `targets: CLI ≤ 3 × floor (${fmt(3 * floorMs)}): ${cliMs <= 3 * floorMs ? 'met' : 'NOT met'} ` +
      `(ratio ${(cliMs / floorMs).toFixed(2)}); CLI ≤ 5 s: ${cliMs <= 5000 ? 'met' : 'NOT met'}`,
  );
  if (!same) process.exitCode = 1;
}

if (require.main === module) main();
