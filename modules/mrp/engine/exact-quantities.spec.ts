import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buyItem, demand, jan, makeItem, model } from './fixtures/models';
import type { MrpModel } from './model';
import { planMrp } from './mrp-planner';
import { MrpModelError } from './mrp-model-error';
import { planMrpJson } from './result-json';

/** The MrpModelError details a model is refused with. */
function refusal(m: MrpModel): unknown {
  try {
    planMrp(m);
  } catch (error) {
    if (error instanceof MrpModelError) return error.details;
    throw error;
  }
  throw new Error('the model was accepted');
}

describe('quantities in millionths: products beyond 6 decimals and the exact range', () => {
  it('a gross requirement with more than 6 decimals is kept exactly; the planned order rounds it up', () => {
    // 12.345678 × 1.25 × (1 + 0.333) = 20.5709859675
    const m = model({
      items: [makeItem('A'), buyItem('B')],
      bom: [{ parent: 'A', child: 'B', qtyPer: '1.25', scrapRate: '0.333' }],
      demands: [demand('A', '12.345678', jan(6), 'SO-1')],
    });
    const result = planMrp(m, { records: true });
    expect(result.plannedOrders[1]).toEqual({
      item: 'B',
      kind: 'buy',
      qty: '20.570986',
      release: jan(6),
      due: jan(6),
      // Pegs are rounded down to 0.000001: never more than the order.
      pegs: [{ demand: 'SO-1', qty: '20.570985' }],
    });
    expect(result.records[1]?.buckets[1]).toMatchObject({
      gross: '20.5709859675',
      netRequirement: '20.5709859675',
      plannedReceipts: '20.570986',
      projectedBalance: '0.0000000325',
    });
    expect(planMrpJson(m)).toBe(JSON.stringify(planMrp(m)));
  });

  it('what the rounded-up order brings beyond the requirement covers the next day (no second order)', () => {
    // Two requirements of 0.0000005: one order of 0.000001 covers both.
    const m = model({
      items: [makeItem('A'), buyItem('B')],
      bom: [{ parent: 'A', child: 'B', qtyPer: '0.000001' }],
      demands: [demand('A', '0.5', jan(6), 'SO-1'), demand('A', '0.5', jan(7), 'SO-2')],
    });
    const result = planMrp(m, { records: true });
    expect(result.plannedOrders.filter((o) => o.item === 'B')).toEqual([
      { item: 'B', kind: 'buy', qty: '0.000001', release: jan(6), due: jan(6), pegs: [] },
    ]);
    expect(result.records[1]?.buckets.map((b) => [b.gross, b.projectedBalance])).toEqual([
      ['0', '0'],
      ['0.0000005', '0.0000005'],
      ['0.0000005', '0'],
    ]);
  });

  it('refuses an input beyond 9 007 199 254.740991, naming the item', () => {
    expect(
      refusal(model({ items: [buyItem('A')], demands: [demand('A', '9007199254.740992', jan(6))] })),
    ).toEqual([
      {
        field: 'demands[0].qty',
        message: 'item "A": qty "9007199254.740992" is larger than 9007199254.740991',
      },
    ]);
    expect(
      refusal(
        model({
          items: [buyItem('A')],
          onHand: [
            { item: 'A', qty: '5000000000' },
            { item: 'A', qty: '5000000000' },
          ],
        }),
      ),
    ).toEqual([
      {
        field: 'onHand[1]',
        message: 'item "A": quantities exceed 9007199254.740991, the largest the engine holds exactly',
      },
    ]);
  });

  it('refuses a plan whose quantities leave the exact range, naming the item', () => {
    const overflow = (code: string, index: number) => [
      {
        field: `items[${index}]`,
        message: `item "${code}": quantities exceed 9007199254.740991, the largest the engine holds exactly`,
      },
    ];
    // A dependent requirement: 5 000 000 000 × 2.
    expect(
      refusal(
        model({
          items: [makeItem('A'), buyItem('B')],
          bom: [{ parent: 'A', child: 'B', qtyPer: '2' }],
          demands: [demand('A', '5000000000', jan(6))],
        }),
      ),
    ).toEqual(overflow('B', 1));
    // Gross requirements adding up beyond the range.
    expect(
      refusal(
        model({
          items: [buyItem('X'), buyItem('A')],
          demands: [demand('A', '5000000000', jan(6)), demand('A', '5000000000', jan(7))],
        }),
      ),
    ).toEqual(overflow('A', 1));
    // A lot size rounding a large shortfall up beyond the range.
    expect(
      refusal(
        model({
          items: [buyItem('A', { lotSizing: { rule: 'FOQ', qty: '5000000000' } })],
          demands: [demand('A', '5000000001', jan(6))],
        }),
      ),
    ).toEqual(overflow('A', 0));
    // Just inside the range is fine and exact.
    const result = planMrp(
      model({
        items: [makeItem('A'), buyItem('B')],
        bom: [{ parent: 'A', child: 'B', qtyPer: '3', scrapRate: '0.000001' }],
        demands: [demand('A', '3000000000.000001', jan(6), 'SO-1')],
      }),
    );
    // 3 000 000 000.000001 × 3.000003 = 9 000 009 000.0000030000003 → 9 000 009 000.000004
    expect(result.plannedOrders[1]).toMatchObject({
      qty: '9000009000.000004',
      pegs: [{ demand: 'SO-1', qty: '9000009000.000003' }],
    });
  });
});

describe('cli-run.mjs (npm run mrp)', () => {
  const root = resolve(__dirname, '../../..');
  const dir = mkdtempSync(join(tmpdir(), 'mrp-cli-run-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints what planMrp returns, compiled from the current sources', () => {
    const m = model({
      items: [makeItem('A', { leadTimeDays: 2 }), buyItem('B')],
      bom: [{ parent: 'A', child: 'B', qtyPer: '1.25', scrapRate: '0.333' }],
      demands: [demand('A', '12.345678', jan(6), 'SO-1'), demand('A', '3', jan(9))],
    });
    const file = join(dir, 'model.json');
    writeFileSync(file, JSON.stringify(m));
    const out = spawnSync(process.execPath, ['modules/mrp/engine/cli-run.mjs', file], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(`${JSON.stringify(planMrp(m))}\n`);
  }, 60_000);

  it('a BOM cycle found while planning: exit 2 and the cycle on stderr', () => {
    const file = join(dir, 'cycle.json');
    writeFileSync(
      file,
      JSON.stringify(
        model({
          items: [makeItem('A'), makeItem('B')],
          bom: [
            { parent: 'A', child: 'B', qtyPer: '1' },
            { parent: 'B', child: 'A', qtyPer: '1' },
          ],
        }),
      ),
    );
    const out = spawnSync(process.execPath, ['modules/mrp/engine/cli-run.mjs', file], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('BOM cycle: A → B → A');
  }, 60_000);
});
