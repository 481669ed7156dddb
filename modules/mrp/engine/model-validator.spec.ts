import { buyItem, demand, jan, makeItem, model } from './fixtures/models';
import type { MrpModel } from './model';
import { planMrp } from './mrp-planner';
import { MrpModelError } from './mrp-model-error';

/** The MrpModelError a model is refused with. */
function refusal(m: unknown): MrpModelError {
  try {
    planMrp(m);
  } catch (error) {
    if (error instanceof MrpModelError) return error;
    throw error;
  }
  throw new Error('the model was accepted');
}

const base = (): MrpModel =>
  model({
    items: [makeItem('A'), buyItem('B')],
    bom: [{ parent: 'A', child: 'B', qtyPer: '1' }],
    demands: [demand('A', '1', jan(9))],
  });

describe('model validation — errors name the field and the item', () => {
  it('a BOM cycle names its items in order and the line closing it', () => {
    const m = model({
      items: [makeItem('X'), makeItem('A'), makeItem('B'), makeItem('C')],
      bom: [
        { parent: 'X', child: 'A', qtyPer: '1' },
        { parent: 'A', child: 'B', qtyPer: '1' },
        { parent: 'B', child: 'C', qtyPer: '1' },
        { parent: 'C', child: 'A', qtyPer: '1' },
      ],
    });
    const error = refusal(m);
    expect(error.cycle).toEqual(['A', 'B', 'C', 'A']);
    expect(error.details).toEqual([{ field: 'bom[3].child', message: 'BOM cycle: A → B → C → A' }]);
    expect(error.message).toContain('A → B → C → A');
  });

  it('an item that is its own component is a cycle', () => {
    const m = model({ items: [makeItem('A')], bom: [{ parent: 'A', child: 'A', qtyPer: '1' }] });
    expect(refusal(m).cycle).toEqual(['A', 'A']);
  });

  it.each([
    ['bom[0].child', (m: MrpModel) => (m.bom![0]!.child = 'ZZ')],
    ['bom[0].parent', (m: MrpModel) => (m.bom![0]!.parent = 'ZZ')],
    ['onHand[0].item', (m: MrpModel) => (m.onHand = [{ item: 'ZZ', qty: '1' }])],
    ['allocated[0].item', (m: MrpModel) => (m.allocated = [{ item: 'ZZ', qty: '1' }])],
    [
      'scheduledReceipts[0].item',
      (m: MrpModel) => (m.scheduledReceipts = [{ item: 'ZZ', qty: '1', due: jan(6) }]),
    ],
    ['demands[0].item', (m: MrpModel) => (m.demands = [demand('ZZ', '1', jan(6))])],
  ])('an unknown item code is refused at %s, naming it', (field, change) => {
    const m = base();
    change(m);
    expect(refusal(m).details).toEqual([{ field, message: 'unknown item "ZZ"' }]);
  });

  it.each([
    ['onHand[0].qty', 'item "B": qty must be ≥ 0', (m: MrpModel) => (m.onHand = [{ item: 'B', qty: '-1' }])],
    [
      'allocated[0].qty',
      'item "B": qty must be ≥ 0',
      (m: MrpModel) => (m.allocated = [{ item: 'B', qty: '-0.5' }]),
    ],
    [
      'demands[0].qty',
      'item "A": qty must be ≥ 0',
      (m: MrpModel) => (m.demands = [demand('A', '-3', jan(6))]),
    ],
    [
      'scheduledReceipts[0].qty',
      'item "B": qty must be ≥ 0',
      (m: MrpModel) => (m.scheduledReceipts = [{ item: 'B', qty: '-2', due: jan(6) }]),
    ],
    ['bom[0].qtyPer', 'item "A": qtyPer must be greater than 0', (m: MrpModel) => (m.bom![0]!.qtyPer = '-1')],
    [
      'bom[0].scrapRate',
      'item "A": scrapRate must be in [0, 1)',
      (m: MrpModel) => (m.bom![0]!.scrapRate = '1'),
    ],
    ['bom[0].scrapRate', 'item "A": scrapRate must be ≥ 0', (m: MrpModel) => (m.bom![0]!.scrapRate = '-0.1')],
    [
      'items[1].safetyStock',
      'item "B": safetyStock must be ≥ 0',
      (m: MrpModel) => (m.items[1]!.safetyStock = '-1'),
    ],
    [
      'items[1].leadTimeDays',
      'item "B": leadTimeDays must be a whole number of days ≥ 0',
      (m: MrpModel) => (m.items[1]!.leadTimeDays = -1),
    ],
    [
      'items[1].lotSizing.qty',
      'item "B": FOQ qty must be greater than 0',
      (m: MrpModel) => (m.items[1]!.lotSizing = { rule: 'FOQ', qty: '0' }),
    ],
    [
      'items[1].lotSizing.periods',
      'item "B": POQ periods must be a whole number ≥ 1',
      (m: MrpModel) => (m.items[1]!.lotSizing = { rule: 'POQ', periods: 0 }),
    ],
    [
      'items[1].lotSizing.multiple',
      'item "B": MINMULT multiple must be greater than 0',
      (m: MrpModel) => (m.items[1]!.lotSizing = { rule: 'MINMULT', min: '5', multiple: '0' }),
    ],
    [
      'items[1].lotSizing.min',
      'item "B": MINMULT min must be ≥ 0',
      (m: MrpModel) => (m.items[1]!.lotSizing = { rule: 'MINMULT', min: '-5', multiple: '1' }),
    ],
    [
      'demands[0].due',
      'item "A": due must be a date YYYY-MM-DD',
      (m: MrpModel) => (m.demands = [demand('A', '1', '2026-02-30')]),
    ],
    [
      'items[0].type',
      'item "A": type must be "make" or "buy"',
      (m: MrpModel) => ((m.items[0] as { type: string }).type = 'sell'),
    ],
    ['items[2].code', 'duplicate item code "A"', (m: MrpModel) => m.items.push(makeItem('A'))],
    [
      'demands[0].qty',
      'item "A": qty "1.0000001" has more than 6 decimals',
      (m: MrpModel) => (m.demands![0]!.qty = '1.0000001'),
    ],
    ['start', 'must be a date YYYY-MM-DD', (m: MrpModel) => (m.start = '05.01.2026')],
    [
      'options.deferToleranceDays',
      'must be a whole number of days ≥ 0',
      (m: MrpModel) => (m.options = { deferToleranceDays: 1.5 }),
    ],
  ])('%s: %s', (field, message, change) => {
    const m = base();
    change(m);
    expect(refusal(m).details).toEqual([{ field, message }]);
  });

  it('quantities must be decimal strings, not JSON numbers', () => {
    const m = base() as unknown as { demands: { qty: unknown }[] };
    m.demands[0]!.qty = 5;
    expect(refusal(m).details).toEqual([
      { field: 'demands[0].qty', message: 'item "A": qty must be a decimal string such as "12.5"' },
    ]);
  });

  it('names every problem at once, and the summary names the first ones', () => {
    const m = base();
    m.demands = [demand('ZZ', '-1', jan(6)), demand('A', 'x', 'soon')];
    const error = refusal(m);
    expect(error.details.map((d) => d.field)).toEqual([
      'demands[0].item',
      'demands[0].qty',
      'demands[1].qty',
      'demands[1].due',
    ]);
    expect(error.message).toMatch(/^Invalid MRP model: demands\[0\]\.item: unknown item "ZZ"; /);
  });

  it('refuses a model that is not an object', () => {
    expect(refusal([]).details).toEqual([{ field: '', message: 'the model must be a JSON object' }]);
  });

  it('defaults: no lot sizing → LFL, no safety stock → 0, no lead time → 0', () => {
    const m = model({ items: [{ code: 'A', type: 'buy' }], demands: [demand('A', '2.5', jan(6))] });
    expect(planMrp(m).plannedOrders.map((o) => [o.qty, o.release, o.due])).toEqual([['2.5', jan(6), jan(6)]]);
  });
});
