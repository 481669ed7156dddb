import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buyItem, demand, jan, makeItem, model } from './fixtures/models';
import type { MrpModel, MrpPlannedOrder } from './model';
import { planMrp } from './mrp-planner';
import { planMrpJson } from './result-json';

/** Planned orders reduced to what a textbook table shows. */
const orders = (m: MrpModel, item?: string) =>
  planMrp(m)
    .plannedOrders.filter((o) => item === undefined || o.item === item)
    .map((o: MrpPlannedOrder) => ({ item: o.item, qty: o.qty, release: o.release, due: o.due }));

describe('planMrp — the example of PLANNING-FORMATS.md', () => {
  const doc = JSON.parse(readFileSync(join(__dirname, 'fixtures/doc-example.json'), 'utf8')) as MrpModel;

  it('plans 10 A (make) released 01-10 for SO-1; B is covered by stock and PO-1 (21 needed, 75 available)', () => {
    expect(planMrp(doc)).toEqual({
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
  });

  it('PO-1 (due 01-07) is first needed on 01-10: DEFER once the tolerance is under 3 days', () => {
    expect(planMrp({ ...doc, options: { deferToleranceDays: 2 } }).exceptions).toEqual([
      {
        type: 'DEFER',
        item: 'B',
        ref: 'PO-1',
        date: '2026-01-07',
        neededOn: '2026-01-10',
        message: 'PO-1 for B due 2026-01-07 is not needed before 2026-01-10: defer by 3 days',
      },
    ]);
  });

  it('B: 210 A needs 441 B on 01-10; 75 available → 366 short of 10 safety stock → 4 × FOQ 100, due 01-10', () => {
    const bigger = { ...doc, demands: [demand('A', '210', jan(12), 'SO-1')] };
    const b = planMrp(bigger).plannedOrders.find((o) => o.item === 'B');
    expect(b).toEqual({
      item: 'B',
      kind: 'buy',
      qty: '400',
      release: '2026-01-05',
      due: '2026-01-10',
      // 441 needed; FIFO: 25 available + 50 PO-1 cover the first 75; this order covers the other 366.
      pegs: [{ demand: 'SO-1', qty: '366' }],
    });
  });
});

describe('lot sizing (textbook records)', () => {
  it('LFL: exactly each shortfall, stock consumed first, one order per day', () => {
    const m = model({
      items: [buyItem('A', { leadTimeDays: 1 })],
      onHand: [{ item: 'A', qty: '5' }],
      demands: [
        demand('A', '10', jan(6), 'SO-1'),
        demand('A', '4', jan(8), 'SO-2'),
        demand('A', '3', jan(8), 'SO-3'),
        demand('A', '0', jan(9), 'SO-4'),
      ],
    });
    expect(planMrp(m).plannedOrders).toEqual([
      {
        item: 'A',
        kind: 'buy',
        qty: '5',
        release: jan(5),
        due: jan(6),
        pegs: [{ demand: 'SO-1', qty: '5' }],
      },
      {
        item: 'A',
        kind: 'buy',
        qty: '7',
        release: jan(7),
        due: jan(8),
        pegs: [
          { demand: 'SO-2', qty: '4' },
          { demand: 'SO-3', qty: '3' },
        ],
      },
    ]);
  });

  it('FOQ 25: the smallest multiple of 25 covering the shortfall; the excess carries forward', () => {
    const m = model({
      items: [buyItem('A', { lotSizing: { rule: 'FOQ', qty: '25' } })],
      demands: [
        demand('A', '10', jan(6), 'D1'),
        demand('A', '10', jan(7), 'D2'),
        demand('A', '10', jan(8), 'D3'),
        demand('A', '20', jan(12), 'D4'),
        demand('A', '30', jan(14), 'D5'),
      ],
    });
    // 06: −10 → 25 (PAB 15); 07: 5; 08: −5 → 25 (20); 12: 0; 14: −30 → 50 (20).
    const planned = planMrp(m).plannedOrders;
    expect(planned.map((o) => [o.qty, o.due])).toEqual([
      ['25', jan(6)],
      ['25', jan(8)],
      ['50', jan(14)],
    ]);
    expect(planned.map((o) => o.pegs)).toEqual([
      [
        { demand: 'D1', qty: '10' },
        { demand: 'D2', qty: '10' },
        { demand: 'D3', qty: '5' },
      ],
      [
        { demand: 'D3', qty: '5' },
        { demand: 'D4', qty: '20' },
      ],
      [{ demand: 'D5', qty: '30' }],
    ]);
  });

  it('POQ 3: each order covers its due day and the next two days', () => {
    const m = model({
      items: [buyItem('A', { lotSizing: { rule: 'POQ', periods: 3 } })],
      demands: [
        demand('A', '10', jan(5)),
        demand('A', '5', jan(6)),
        demand('A', '8', jan(7)),
        demand('A', '4', jan(8)),
        demand('A', '6', jan(10)),
        demand('A', '7', jan(11)),
      ],
    });
    // 05–07: 10 + 5 + 8 = 23; 08–10: 4 + 6 = 10; 11–13: 7.
    expect(orders(m)).toEqual([
      { item: 'A', qty: '23', release: jan(5), due: jan(5) },
      { item: 'A', qty: '10', release: jan(8), due: jan(8) },
      { item: 'A', qty: '7', release: jan(11), due: jan(11) },
    ]);
  });

  it('POQ with safety stock and a receipt inside the window: smallest quantity keeping PAB ≥ SS through it', () => {
    const m = model({
      items: [buyItem('A', { safetyStock: '5', lotSizing: { rule: 'POQ', periods: 4 } })],
      onHand: [{ item: 'A', qty: '5' }],
      scheduledReceipts: [{ item: 'A', qty: '6', due: jan(7), ref: 'PO-7' }],
      demands: [demand('A', '3', jan(6)), demand('A', '9', jan(8)), demand('A', '2', jan(9))],
    });
    // 06: 5−3 = 2 < 5; window 06–09 without orders: 2, 8, −1, −3 → lowest −3 → 8 brings it to 5.
    expect(orders(m)).toEqual([{ item: 'A', qty: '8', release: jan(6), due: jan(6) }]);
  });

  it('MINMULT min 50 multiple 12: at least 50, rounded up to a multiple of 12', () => {
    const m = model({
      items: [buyItem('A', { lotSizing: { rule: 'MINMULT', min: '50', multiple: '12' } })],
      demands: [demand('A', '30', jan(6)), demand('A', '40', jan(20)), demand('A', '130', jan(25))],
    });
    // 06: −30 → 60 (30); 20: −10 → 60 (50); 25: −80 → 84 (4).
    expect(orders(m).map((o) => [o.qty, o.due])).toEqual([
      ['60', jan(6)],
      ['60', jan(20)],
      ['84', jan(25)],
    ]);
  });
});

describe('safety stock', () => {
  it('below safety stock at start → an order due on start for the difference, pegged to nothing', () => {
    const m = model({
      items: [buyItem('A', { safetyStock: '10' })],
      onHand: [{ item: 'A', qty: '4' }],
    });
    expect(planMrp(m).plannedOrders).toEqual([
      { item: 'A', kind: 'buy', qty: '6', release: jan(5), due: jan(5), pegs: [] },
    ]);
  });

  it('an order is due on the day PAB would fall below safety stock; stock serves the demand first', () => {
    const m = model({
      items: [buyItem('A', { safetyStock: '10', leadTimeDays: 2 })],
      onHand: [{ item: 'A', qty: '25' }],
      demands: [demand('A', '20', jan(8), 'SO-1'), demand('A', '12', jan(9), 'SO-2')],
    });
    // 08: 25 − 20 = 5 < 10 → 5 (PAB 10); 09: 10 − 12 = −2 → 12.
    // FIFO: stock 25 → SO-1 20 + SO-2 5; order@08 (5) → SO-2 5; order@09 (12) → SO-2 2, rest is safety stock.
    expect(planMrp(m).plannedOrders.map((o) => [o.qty, o.release, o.due, o.pegs])).toEqual([
      ['5', jan(6), jan(8), [{ demand: 'SO-2', qty: '5' }]],
      ['12', jan(7), jan(9), [{ demand: 'SO-2', qty: '2' }]],
    ]);
  });
});

describe('BOM explosion', () => {
  it('component scrap: qtyPer 2 with scrapRate 0.05 needs 2.1 per parent, on the parent release day', () => {
    const m = model({
      items: [makeItem('P', { leadTimeDays: 1 }), buyItem('C', { leadTimeDays: 2 })],
      bom: [{ parent: 'P', child: 'C', qtyPer: '2', scrapRate: '0.05' }],
      demands: [demand('P', '10', jan(10), 'SO-1'), demand('P', '3', jan(12), 'SO-2')],
    });
    expect(planMrp(m).plannedOrders.filter((o) => o.item === 'C')).toEqual([
      {
        item: 'C',
        kind: 'buy',
        qty: '21',
        release: jan(7),
        due: jan(9),
        pegs: [{ demand: 'SO-1', qty: '21' }],
      },
      {
        item: 'C',
        kind: 'buy',
        qty: '6.3',
        release: jan(9),
        due: jan(11),
        pegs: [{ demand: 'SO-2', qty: '6.3' }],
      },
    ]);
  });

  it('a shared component on two levels gets low-level code 2 and both parents’ requirements', () => {
    // A → B (1), A → C (2), B → C (1), C → D (3).
    const m = model({
      items: [
        makeItem('A', { leadTimeDays: 1 }),
        makeItem('B', { leadTimeDays: 2 }),
        makeItem('C', { leadTimeDays: 1 }),
        buyItem('D', { leadTimeDays: 1 }),
      ],
      bom: [
        { parent: 'B', child: 'C', qtyPer: '1' },
        { parent: 'A', child: 'B', qtyPer: '1' },
        { parent: 'A', child: 'C', qtyPer: '2' },
        { parent: 'C', child: 'D', qtyPer: '3' },
      ],
      demands: [demand('A', '4', jan(12), 'SO-1'), demand('A', '6', jan(12), 'SO-2')],
    });
    const planned = planMrp(m).plannedOrders;
    expect(planned.map((o) => [o.item, o.qty, o.release, o.due])).toEqual([
      ['A', '10', jan(11), jan(12)],
      ['B', '10', jan(9), jan(11)],
      ['C', '10', jan(8), jan(9)],
      ['C', '20', jan(10), jan(11)],
      ['D', '30', jan(7), jan(8)],
      ['D', '60', jan(9), jan(10)],
    ]);
    // Pegs follow every level: D@10 serves A's 10 through C (2 per A) and D (3 per C).
    expect(planned.map((o) => o.pegs.map((p) => `${p.demand}:${p.qty}`).join(' '))).toEqual([
      'SO-1:4 SO-2:6',
      'SO-1:4 SO-2:6',
      'SO-1:4 SO-2:6',
      'SO-1:8 SO-2:12',
      'SO-1:12 SO-2:18',
      'SO-1:24 SO-2:36',
    ]);
  });

  it('scheduled receipts of a parent create no dependent demand; stock of a parent reduces it', () => {
    const m = model({
      items: [makeItem('P', { leadTimeDays: 1 }), buyItem('C')],
      bom: [{ parent: 'P', child: 'C', qtyPer: '2' }],
      onHand: [{ item: 'P', qty: '3' }],
      scheduledReceipts: [{ item: 'P', qty: '4', due: jan(6), kind: 'WO', ref: 'WO-1' }],
      demands: [demand('P', '10', jan(8), 'SO-1')],
    });
    expect(orders(m)).toEqual([
      { item: 'P', qty: '3', release: jan(7), due: jan(8) },
      { item: 'C', qty: '6', release: jan(7), due: jan(7) },
    ]);
  });

  it('a lot-size excess of the parent explodes too but stays unpegged below', () => {
    const m = model({
      items: [makeItem('P', { leadTimeDays: 1, lotSizing: { rule: 'FOQ', qty: '8' } }), buyItem('C')],
      bom: [{ parent: 'P', child: 'C', qtyPer: '1.5' }],
      demands: [demand('P', '5', jan(8), 'SO-1')],
    });
    expect(planMrp(m).plannedOrders.map((o) => [o.item, o.qty, o.pegs])).toEqual([
      ['P', '8', [{ demand: 'SO-1', qty: '5' }]],
      ['C', '12', [{ demand: 'SO-1', qty: '7.5' }]],
    ]);
  });
});

describe('scheduled receipts, allocations, dates before start', () => {
  it('a receipt nets the requirement; one due after the day it is needed → EXPEDITE and an order that day', () => {
    const m = model({
      items: [buyItem('B')],
      scheduledReceipts: [{ item: 'B', qty: '15', due: jan(7), kind: 'PO', ref: 'PO-1' }],
      demands: [demand('B', '10', jan(6), 'SO-1'), demand('B', '10', jan(8), 'SO-2')],
    });
    const result = planMrp(m);
    expect(result.plannedOrders).toEqual([
      {
        item: 'B',
        kind: 'buy',
        qty: '10',
        release: jan(6),
        due: jan(6),
        pegs: [{ demand: 'SO-1', qty: '10' }],
      },
    ]);
    expect(result.exceptions).toEqual([
      {
        type: 'EXPEDITE',
        item: 'B',
        ref: 'PO-1',
        date: jan(7),
        neededOn: jan(6),
        message: 'PO-1 for B due 2026-01-07 is needed on 2026-01-06: expedite by 1 day',
      },
    ]);
  });

  it('receipts are consumed in due order: the second is needed only when the first is used up', () => {
    const m = model({
      items: [buyItem('B', { safetyStock: '2' })],
      onHand: [{ item: 'B', qty: '12' }],
      scheduledReceipts: [
        { item: 'B', qty: '10', due: jan(20), ref: 'PO-2' },
        { item: 'B', qty: '10', due: jan(9), ref: 'PO-1' },
      ],
      demands: [demand('B', '5', jan(8)), demand('B', '10', jan(10)), demand('B', '9', jan(18))],
    });
    // PO-1: 12 − G < 2 from 01-10 (G 15) → due 09, fine. PO-2: 22 − G < 2 from 01-18 (G 24) → due 20: expedite 2.
    expect(planMrp(m).exceptions.map((e) => [e.type, e.ref, e.date, e.neededOn])).toEqual([
      ['EXPEDITE', 'PO-2', jan(20), jan(18)],
    ]);
  });

  it('a receipt never needed → CANCEL; one due long before it is needed → DEFER (tolerance 3 days)', () => {
    const m = model({
      items: [buyItem('B'), buyItem('C')],
      onHand: [{ item: 'B', qty: '50' }],
      scheduledReceipts: [
        { item: 'B', qty: '20', due: jan(7), ref: 'PO-1' },
        { item: 'C', qty: '20', due: jan(6), ref: 'PO-2' },
        { item: 'C', qty: '5', due: jan(12), ref: 'PO-3' },
      ],
      demands: [demand('B', '30', jan(10)), demand('C', '20', jan(15)), demand('C', '1', jan(16))],
    });
    expect(planMrp(m).exceptions).toEqual([
      {
        type: 'CANCEL',
        item: 'B',
        ref: 'PO-1',
        date: jan(7),
        message: 'PO-1 for B due 2026-01-07 is not needed within the planning horizon: cancel it',
      },
      {
        type: 'DEFER',
        item: 'C',
        ref: 'PO-2',
        date: jan(6),
        neededOn: jan(15),
        message: 'PO-2 for C due 2026-01-06 is not needed before 2026-01-15: defer by 9 days',
      },
      {
        type: 'DEFER',
        item: 'C',
        ref: 'PO-3',
        date: jan(12),
        neededOn: jan(16),
        message: 'PO-3 for C due 2026-01-12 is not needed before 2026-01-16: defer by 4 days',
      },
    ]);
    const tolerant = planMrp({ ...m, options: { deferToleranceDays: 4 } }).exceptions.map((e) => e.ref);
    expect(tolerant).toEqual(['PO-1', 'PO-2']);
  });

  it('a release before start is kept and reported as PAST_DUE_RELEASE', () => {
    const m = model({
      items: [buyItem('A', { leadTimeDays: 5 })],
      demands: [demand('A', '7', jan(7), 'SO-1')],
    });
    const result = planMrp(m);
    expect(result.plannedOrders.map((o) => [o.qty, o.release, o.due])).toEqual([['7', '2026-01-02', jan(7)]]);
    expect(result.exceptions).toEqual([
      {
        type: 'PAST_DUE_RELEASE',
        item: 'A',
        date: '2026-01-02',
        neededOn: jan(7),
        message:
          'Planned buy order for A due 2026-01-07 should have been released on 2026-01-02, 3 days before the planning start 2026-01-05',
      },
    ]);
  });

  it('a past-due parent release puts its components’ requirement on start', () => {
    const m = model({
      items: [makeItem('P', { leadTimeDays: 4 }), buyItem('C', { leadTimeDays: 1 })],
      bom: [{ parent: 'P', child: 'C', qtyPer: '1' }],
      demands: [demand('P', '2', jan(6))],
    });
    expect(orders(m, 'C')).toEqual([{ item: 'C', qty: '2', release: '2026-01-04', due: jan(5) }]);
  });

  it('demands and receipts dated before start count on start', () => {
    const m = model({
      items: [buyItem('A')],
      scheduledReceipts: [{ item: 'A', qty: '3', due: '2025-12-20', ref: 'PO-OLD' }],
      demands: [demand('A', '10', '2025-12-31', 'SO-LATE'), demand('A', '1', jan(5), 'SO-NOW')],
    });
    expect(planMrp(m).plannedOrders).toEqual([
      {
        item: 'A',
        kind: 'buy',
        qty: '8',
        release: jan(5),
        due: jan(5),
        pegs: [
          { demand: 'SO-LATE', qty: '7' },
          { demand: 'SO-NOW', qty: '1' },
        ],
      },
    ]);
  });

  it('allocations reduce what is available; allocations beyond stock are met first and pegged to nothing', () => {
    const enough = model({
      items: [buyItem('A')],
      onHand: [{ item: 'A', qty: '20' }],
      allocated: [{ item: 'A', qty: '15' }],
      demands: [demand('A', '8', jan(6), 'SO-1')],
    });
    expect(orders(enough)).toEqual([{ item: 'A', qty: '3', release: jan(6), due: jan(6) }]);

    const over = model({
      items: [buyItem('A')],
      onHand: [
        { item: 'A', qty: '3' },
        { item: 'A', qty: '2' },
      ],
      allocated: [{ item: 'A', qty: '8' }],
      demands: [demand('A', '4', jan(5), 'SO-1')],
    });
    expect(planMrp(over).plannedOrders.map((o) => [o.qty, o.due, o.pegs])).toEqual([
      ['7', jan(5), [{ demand: 'SO-1', qty: '4' }]],
    ]);
  });
});

describe('pegging labels', () => {
  it('a demand without ref pegs as item@due#n; demands sharing a ref merge into one peg', () => {
    const m = model({
      items: [makeItem('A'), makeItem('B'), buyItem('C')],
      bom: [
        { parent: 'A', child: 'C', qtyPer: '1' },
        { parent: 'B', child: 'C', qtyPer: '1' },
      ],
      demands: [
        demand('A', '1', jan(8)),
        demand('A', '2', jan(8)),
        demand('A', '3', jan(8), 'SO-9'),
        demand('B', '4', jan(8), 'SO-9'),
      ],
    });
    const c = planMrp(m).plannedOrders.find((o) => o.item === 'C');
    expect(c?.pegs).toEqual([
      { demand: 'A@2026-01-08#1', qty: '1' },
      { demand: 'A@2026-01-08#2', qty: '2' },
      { demand: 'SO-9', qty: '7' },
    ]);
  });
});

describe('records, progress, JSON writer', () => {
  const m = model({
    items: [makeItem('P', { leadTimeDays: 2 }), buyItem('C', { safetyStock: '1' })],
    bom: [{ parent: 'P', child: 'C', qtyPer: '2' }],
    onHand: [{ item: 'C', qty: '5' }],
    scheduledReceipts: [{ item: 'C', qty: '4', due: jan(6), ref: 'PO-1' }],
    demands: [demand('P', '5', jan(9), 'SO-1')],
  });

  it('records: the time-phased record of each item, release days included', () => {
    const { records } = planMrp(m, { records: true });
    expect(records.map((r) => [r.item, r.lowLevelCode, r.available])).toEqual([
      ['P', 0, '0'],
      ['C', 1, '5'],
    ]);
    expect(records[1]!.buckets).toEqual([
      {
        date: jan(5),
        gross: '0',
        scheduledReceipts: '0',
        projectedBalance: '5',
        netRequirement: '0',
        plannedReceipts: '0',
        plannedReleases: '0',
      },
      {
        date: jan(6),
        gross: '0',
        scheduledReceipts: '4',
        projectedBalance: '9',
        netRequirement: '0',
        plannedReceipts: '0',
        plannedReleases: '0',
      },
      {
        date: jan(7),
        gross: '10',
        scheduledReceipts: '0',
        projectedBalance: '1',
        netRequirement: '2',
        plannedReceipts: '2',
        plannedReleases: '2',
      },
    ]);
    expect(records[0]!.buckets.map((b) => [b.date, b.plannedReleases, b.plannedReceipts])).toEqual([
      [jan(5), '0', '0'],
      [jan(7), '5', '0'],
      [jan(9), '0', '5'],
    ]);
  });

  it('onProgress rises to 1', () => {
    const seen: number[] = [];
    planMrp(m, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('planMrpJson writes exactly JSON.stringify(planMrp(model))', () => {
    const doc = JSON.parse(readFileSync(join(__dirname, 'fixtures/doc-example.json'), 'utf8')) as MrpModel;
    for (const example of [m, doc, { ...doc, options: { deferToleranceDays: 0 } }]) {
      expect(planMrpJson(example)).toBe(JSON.stringify(planMrp(example)));
    }
  });

  it('a 20 000-deep BOM chain plans without overflowing the stack', () => {
    const depth = 20_000;
    const items = Array.from({ length: depth }, (_, i) => makeItem(`I${i}`));
    const bom = items.slice(1).map((item, i) => ({ parent: `I${i}`, child: item.code, qtyPer: '1' }));
    const result = planMrp(model({ items, bom, demands: [demand('I0', '1', jan(9), 'SO-1')] }));
    expect(result.plannedOrders).toHaveLength(depth);
    expect(result.plannedOrders.at(-1)).toMatchObject({
      item: `I${depth - 1}`,
      pegs: [{ demand: 'SO-1', qty: '1' }],
    });
  }, 30_000);
});
