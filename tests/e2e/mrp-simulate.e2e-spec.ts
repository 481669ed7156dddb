import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoginResponse } from '@mes/shared';
import { freshTenants, sessionCalls, startTestApp, type TestApp } from './support/test-app';

interface ErrorBody {
  code: string;
  details?: { field: string; message: string }[];
}

const docExample = JSON.parse(
  readFileSync(resolve(__dirname, '../../modules/mrp/engine/fixtures/doc-example.json'), 'utf8'),
) as Record<string, unknown>;

/** POST /mrp/simulate: the engine over HTTP — a model in, its plan out, bad models 400 naming the item. */
describe('mrp simulate: planning model in, plan out', () => {
  let t: TestApp;
  let s: LoginResponse;
  const { post } = sessionCalls(() => t);
  const fields = (res: { body: unknown }) => ((res.body as ErrorBody).details ?? []).map((d) => d.field);

  beforeAll(async () => {
    t = await startTestApp();
    [s] = await freshTenants(t, Date.now().toString(36), 'sim');
    await post(s, '/subscriptions', { moduleKey: 'mrp', withDependencies: true }).expect(201);
  });
  afterAll(() => t.close());

  it('plans the PLANNING-FORMATS.md example exactly as the CLI does', async () => {
    const res = await post(s, '/mrp/simulate', docExample).expect(200);
    expect(res.body).toEqual({
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

  it('names the cycle, the unknown item and the negative quantity', async () => {
    const cycle = await post(s, '/mrp/simulate', {
      start: '2026-01-05',
      items: [
        { code: 'A', type: 'make' },
        { code: 'B', type: 'make' },
      ],
      bom: [
        { parent: 'A', child: 'B', qtyPer: '1' },
        { parent: 'B', child: 'A', qtyPer: '1' },
      ],
    }).expect(400);
    expect((cycle.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(cycle.body)).toMatch(/A.*B.*A|B.*A.*B/);

    const unknown = await post(s, '/mrp/simulate', {
      start: '2026-01-05',
      items: [{ code: 'A', type: 'buy' }],
      demands: [{ item: 'GHOST', qty: '1', due: '2026-01-06' }],
    }).expect(400);
    expect(fields(unknown)).toEqual(['demands[0].item']);
    expect(JSON.stringify(unknown.body)).toContain('GHOST');

    const negative = await post(s, '/mrp/simulate', {
      start: '2026-01-05',
      items: [{ code: 'A', type: 'buy' }],
      onHand: [{ item: 'A', qty: '-3' }],
    }).expect(400);
    expect(fields(negative)).toEqual(['onHand[0].qty']);
  });

  it('refuses fields a planning model does not have', async () => {
    const res = await post(s, '/mrp/simulate', {
      ...docExample,
      colour: 'red',
      items: [
        { code: 'A', type: 'make', leadTimeDays: 2, weight: 3 },
        ...(docExample.items as object[]).slice(1),
      ],
    }).expect(400);
    expect(new Set(fields(res))).toEqual(new Set(['colour', 'items[0].weight']));
  });
});
