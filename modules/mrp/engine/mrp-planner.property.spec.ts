import fc from 'fast-check';
import { Dec } from '@mes/shared';
import { parseDay } from './calendar-days';
import type { MrpModel, MrpResult } from './model';
import { planMrp } from './mrp-planner';
import { planMrpJson } from './result-json';

/**
 * Properties on random small models (≤ 8 items, ≤ 3 BOM levels), checked against the output alone:
 * the balance is recomputed here with decimal.js from the plan's own orders, not from the engine.
 */
const START = '2026-01-05';
const START_DAY = parseDay(START)!;
const RUNS = { numRuns: 200, seed: 20_260_105 };
/** 200 runs each: a few seconds, more on a busy machine. */
const SLOW = 60_000;
type D = InstanceType<typeof Dec>;

const day = (offset: number) => new Date((START_DAY + offset) * 86_400_000).toISOString().slice(0, 10);
const qty = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map(String),
  fc.constantFrom('0.5', '2.25', '7.125', '0.000001', '12.345678'),
);

const lotSizing = fc.oneof(
  fc.constant({ rule: 'LFL' as const }),
  fc.constantFrom('1', '5', '12', '2.5').map((q) => ({ rule: 'FOQ' as const, qty: q })),
  fc.integer({ min: 1, max: 5 }).map((periods) => ({ rule: 'POQ' as const, periods })),
  fc
    .record({
      min: fc.constantFrom('0', '10', '25', '3.5'),
      multiple: fc.constantFrom('1', '4', '10', '0.25'),
    })
    .map((r) => ({ rule: 'MINMULT' as const, ...r })),
);

const models: fc.Arbitrary<MrpModel> = fc
  .record({
    levels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 8 }),
    seedLines: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        qtyPer: fc.constantFrom('1', '2', '0.5', '1.25', '3'),
        scrap: fc.constantFrom(undefined, '0', '0.05', '0.1', '0.333'),
      }),
      { maxLength: 12 },
    ),
    items: fc.array(
      fc.record({
        make: fc.boolean(),
        lead: fc.integer({ min: 0, max: 4 }),
        ss: fc.constantFrom('0', '0', '3', '0.5', '10'),
        lot: lotSizing,
        onHand: fc.option(qty, { nil: undefined }),
        allocated: fc.option(fc.integer({ min: 0, max: 12 }).map(String), { nil: undefined }),
      }),
      { minLength: 8, maxLength: 8 },
    ),
    receipts: fc.array(fc.record({ item: fc.nat(), qty, due: fc.integer({ min: -2, max: 20 }) }), {
      maxLength: 6,
    }),
    demands: fc.array(
      fc.record({ item: fc.nat(), qty, due: fc.integer({ min: -2, max: 25 }), ref: fc.boolean() }),
      { maxLength: 10 },
    ),
    tolerance: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  })
  .map(({ levels, seedLines, items, receipts, demands, tolerance }) => {
    const n = levels.length;
    const code = (i: number) => `I${i}`;
    const bom: NonNullable<MrpModel['bom']> = [];
    for (const line of seedLines) {
      const parent = line.a % n;
      const child = line.b % n;
      // Lines only go down the levels: no cycles.
      if (levels[parent]! < levels[child]!) {
        bom.push({ parent: code(parent), child: code(child), qtyPer: line.qtyPer, scrapRate: line.scrap });
      }
    }
    const m: MrpModel = {
      start: START,
      items: levels.map((_, i) => ({
        code: code(i),
        type: items[i]!.make ? 'make' : 'buy',
        leadTimeDays: items[i]!.lead,
        safetyStock: items[i]!.ss,
        lotSizing: items[i]!.lot,
      })),
      bom,
      onHand: levels.flatMap((_, i) => (items[i]!.onHand ? [{ item: code(i), qty: items[i]!.onHand }] : [])),
      allocated: levels.flatMap((_, i) =>
        items[i]!.allocated ? [{ item: code(i), qty: items[i]!.allocated }] : [],
      ),
      scheduledReceipts: receipts.map((r, k) => ({
        item: code(r.item % n),
        qty: r.qty,
        due: day(r.due),
        ref: `PO-${k}`,
      })),
      demands: demands.map((d, k) => ({
        item: code(d.item % n),
        qty: d.qty,
        due: day(d.due),
        ...(d.ref ? { ref: `SO-${k}` } : {}),
      })),
    };
    if (tolerance !== undefined) m.options = { deferToleranceDays: tolerance };
    return m;
  });

const dayOf = (date: string) => Math.max(parseDay(date)!, START_DAY);
const sum = (values: D[]) => values.reduce((a, b) => a.plus(b), new Dec(0));

/** The plan's own time-phased view of one item, recomputed from the model and the output. */
function phase(m: MrpModel, result: MrpResult, code: string) {
  const item = m.items.find((i) => i.code === code)!;
  const gross = new Map<number, D>();
  const receipts = new Map<number, D>();
  const planned = new Map<number, D>();
  const add = (map: Map<number, D>, at: number, value: D) =>
    map.set(at, (map.get(at) ?? new Dec(0)).plus(value));
  for (const d of m.demands ?? []) if (d.item === code) add(gross, dayOf(d.due), new Dec(d.qty));
  for (const line of m.bom ?? []) {
    if (line.child !== code) continue;
    const factor = new Dec(line.qtyPer).times(new Dec(1).plus(line.scrapRate ?? '0'));
    for (const order of result.plannedOrders) {
      if (order.item === line.parent) add(gross, dayOf(order.release), new Dec(order.qty).times(factor));
    }
  }
  for (const r of m.scheduledReceipts ?? []) if (r.item === code) add(receipts, dayOf(r.due), new Dec(r.qty));
  const orders = result.plannedOrders.filter((o) => o.item === code);
  for (const o of orders) add(planned, dayOf(o.due), new Dec(o.qty));
  const available = sum((m.onHand ?? []).filter((s) => s.item === code).map((s) => new Dec(s.qty))).minus(
    sum((m.allocated ?? []).filter((s) => s.item === code).map((s) => new Dec(s.qty))),
  );
  const days = [...new Set([START_DAY, ...gross.keys(), ...receipts.keys(), ...planned.keys()])].sort(
    (a, b) => a - b,
  );
  const zero = new Dec(0);
  const pab = new Map<number, D>();
  let balance = available;
  for (const d of days) {
    balance = balance
      .plus(receipts.get(d) ?? zero)
      .plus(planned.get(d) ?? zero)
      .minus(gross.get(d) ?? zero);
    pab.set(d, balance);
  }
  /** Balance at the end of day d, planned receipts of that day left out. */
  const before = (d: number) => pab.get(d)!.minus(planned.get(d) ?? zero);
  const delta = (d: number) => (receipts.get(d) ?? zero).minus(gross.get(d) ?? zero);
  return { item, ss: new Dec(item.safetyStock ?? '0'), available, days, pab, before, delta, orders, gross };
}

const ceil6 = (value: D) => value.toDecimalPlaces(6, Dec.ROUND_CEIL);

describe('planMrp — properties on random models (fast-check, seeded)', () => {
  it(
    'the projected balance never falls below safety stock',
    () => {
      fc.assert(
        fc.property(models, (m) => {
          const result = planMrp(m);
          for (const item of m.items) {
            const { pab, ss } = phase(m, result, item.code);
            for (const [d, balance] of pab) {
              if (balance.lt(ss))
                throw new Error(`${item.code} on day ${d}: PAB ${balance.toString()} < SS ${ss.toString()}`);
            }
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'every planned order is needed on its due day, and each day has at most one',
    () => {
      fc.assert(
        fc.property(models, (m) => {
          const result = planMrp(m);
          for (const item of m.items) {
            const { orders, before, ss } = phase(m, result, item.code);
            const dues = orders.map((o) => dayOf(o.due));
            expect(new Set(dues).size).toBe(dues.length);
            for (const d of dues) expect(before(d).lt(ss)).toBe(true);
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'lot rules hold: LFL exact, FOQ multiples, MINMULT ≥ min and multiples, POQ minimal over its window',
    () => {
      fc.assert(
        fc.property(models, (m) => {
          const result = planMrp(m);
          for (const item of m.items) {
            const { orders, before, ss, days, delta } = phase(m, result, item.code);
            const rule = item.lotSizing ?? { rule: 'LFL' };
            for (const order of orders) {
              const q = new Dec(order.qty);
              const due = dayOf(order.due);
              const shortfall = ss.minus(before(due));
              expect(q.gt(0)).toBe(true);
              expect(q.gte(shortfall)).toBe(true);
              switch (rule.rule) {
                case 'LFL':
                  expect(q.eq(ceil6(shortfall))).toBe(true);
                  break;
                case 'FOQ': {
                  const lots = q.div(rule.qty);
                  expect(lots.isInteger()).toBe(true);
                  expect(q.minus(rule.qty).lt(shortfall)).toBe(true);
                  break;
                }
                case 'MINMULT':
                  expect(q.gte(rule.min ?? '0')).toBe(true);
                  expect(q.div(rule.multiple).isInteger()).toBe(true);
                  expect(q.minus(rule.multiple).lt(Dec.max(shortfall, rule.min ?? '0'))).toBe(true);
                  break;
                case 'POQ': {
                  const last = due + rule.periods - 1;
                  let projected = before(due);
                  let lowest = projected;
                  for (const d of days) {
                    if (d <= due || d > last) continue;
                    expect(orders.some((o) => dayOf(o.due) === d)).toBe(false);
                    projected = projected.plus(delta(d));
                    lowest = Dec.min(lowest, projected);
                  }
                  expect(q.eq(ceil6(ss.minus(lowest)))).toBe(true);
                  break;
                }
              }
            }
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'pegs add up: never more than the order; on top-level items exactly the demand not met by stock or receipts',
    () => {
      fc.assert(
        fc.property(models, (m) => {
          const result = planMrp(m);
          for (const order of result.plannedOrders) {
            const pegged = sum(order.pegs.map((p) => new Dec(p.qty)));
            expect(pegged.lte(order.qty)).toBe(true);
            for (const p of order.pegs) expect(new Dec(p.qty).gt(0)).toBe(true);
          }
          const children = new Set((m.bom ?? []).map((l) => l.child));
          for (const item of m.items) {
            if (children.has(item.code)) continue;
            const { orders, available } = phase(m, result, item.code);
            // FIFO: supplies by day (stock and receipts before planned orders on a day) are consumed first by
            // allocations beyond stock (unpegged), then by the demands: the planned part of that is pegged.
            const supplies: { day: number; rank: number; seq: number; qty: D; planned: boolean }[] = [];
            if (available.gt(0))
              supplies.push({ day: START_DAY, rank: 0, seq: 0, qty: available, planned: false });
            (m.scheduledReceipts ?? []).forEach((r, k) => {
              if (r.item === item.code)
                supplies.push({
                  day: dayOf(r.due),
                  rank: 0,
                  seq: k + 1,
                  qty: new Dec(r.qty),
                  planned: false,
                });
            });
            orders.forEach((o, k) =>
              supplies.push({ day: dayOf(o.due), rank: 1, seq: k, qty: new Dec(o.qty), planned: true }),
            );
            supplies.sort((a, b) => a.day - b.day || a.rank - b.rank || a.seq - b.seq);
            const plannedWithin = (units: D) => {
              let left = units;
              let planned = new Dec(0);
              for (const s of supplies) {
                const take = Dec.min(left, s.qty);
                if (s.planned) planned = planned.plus(take);
                left = left.minus(take);
              }
              return planned;
            };
            const allocationsFirst = available.lt(0) ? available.neg() : new Dec(0);
            const demanded = sum(
              (m.demands ?? []).filter((d) => d.item === item.code).map((d) => new Dec(d.qty)),
            );
            const expected = plannedWithin(allocationsFirst.plus(demanded)).minus(
              plannedWithin(allocationsFirst),
            );
            const pegged = sum(orders.flatMap((o) => o.pegs.map((p) => new Dec(p.qty))));
            expect(pegged.toFixed()).toBe(expected.toFixed());
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'is deterministic, and the JSON writer matches the objects',
    () => {
      fc.assert(
        fc.property(models, (m) => {
          const first = planMrp(m);
          expect(planMrp(structuredClone(m))).toEqual(first);
          expect(planMrpJson(m)).toBe(JSON.stringify(first));
        }),
        RUNS,
      );
    },
    SLOW,
  );
});
