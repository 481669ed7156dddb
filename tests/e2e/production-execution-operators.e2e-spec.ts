import type { LoginResponse, OperatorView, WorkOrderView, WorkReportView } from '@mes/shared';
import { freshTenants, sessionCalls, startTestApp, type TestApp } from './support/test-app';

interface ErrorBody {
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

const OPS = '/production-execution/operators';

describe('production-execution: operators on a shared tablet (badge / PIN)', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);
  const { post, put, get } = sessionCalls(() => t);
  const fields = (body: unknown) => [...new Set(((body as ErrorBody).details ?? []).map((d) => d.field))];
  const code = (body: unknown) => (body as ErrorBody).code;
  let zhang: OperatorView;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'peopa', 'peopb');
    for (const s of [a, b])
      await post(s, '/subscriptions', { moduleKey: 'production-execution', withDependencies: true }).expect(
        201,
      );
    zhang = (
      await post(a, OPS, { code: 'OP-001', name: '张伟', badge: `B-${suffix}`, pin: '1234' }).expect(201)
    ).body as OperatorView;
    await post(a, OPS, { code: 'OP-002', name: '李娜', pin: '567890' }).expect(201);
  });
  afterAll(() => t.close());

  it('lists operators without PIN hashes; duplicate codes and badges are 409', async () => {
    const list = (await get(a, OPS).expect(200)).body as OperatorView[];
    expect(list.map((o) => [o.code, o.hasPin, o.active])).toEqual([
      ['OP-001', true, true],
      ['OP-002', true, true],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|pin_hash|pinHash/);
    const dup = await post(a, OPS, { code: 'OP-001', name: '重复' }).expect(409);
    expect(code(dup.body)).toBe('DUPLICATE_CODE');
    const badge = await post(a, OPS, { code: 'OP-009', name: '重复', badge: `B-${suffix}` }).expect(409);
    expect(code(badge.body)).toBe('DUPLICATE_BADGE');
    expect(fields(badge.body)).toEqual(['badge']);
  });

  it('identifies by badge and by code + PIN', async () => {
    const byBadge = await post(a, `${OPS}/identify`, { badge: `B-${suffix}` }).expect(200);
    expect(byBadge.body).toEqual({ code: 'OP-001', name: '张伟' });
    const byPin = await post(a, `${OPS}/identify`, { code: 'OP-002', pin: '567890' }).expect(200);
    expect(byPin.body).toEqual({ code: 'OP-002', name: '李娜' });
    const unknown = await post(a, `${OPS}/identify`, { badge: 'NOBODY' }).expect(404);
    expect((unknown.body as ErrorBody).message).toMatch(/不存在.*not found/);
  });

  it('a wrong PIN is 401 INVALID_PIN; after 5 the operator gets 429 even with the right PIN', async () => {
    for (let i = 0; i < 5; i += 1) {
      const res = await post(a, `${OPS}/identify`, { code: 'OP-001', pin: '0000' }).expect(401);
      expect(code(res.body)).toBe('INVALID_PIN');
      expect((res.body as ErrorBody).message).toMatch(/PIN 不正确.*wrong PIN/);
    }
    const locked = await post(a, `${OPS}/identify`, { code: 'OP-001', pin: '1234' }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Other operators are not locked; the badge still works; a new PIN unlocks.
    await post(a, `${OPS}/identify`, { code: 'OP-002', pin: '567890' }).expect(200);
    await post(a, `${OPS}/identify`, { badge: `B-${suffix}` }).expect(200);
    await put(a, `${OPS}/${zhang.id}`, { pin: '4321' }).expect(200);
    await post(a, `${OPS}/identify`, { code: 'OP-001', pin: '4321' }).expect(200);
  });

  it('an inactive operator cannot identify; update changes name and clears the badge', async () => {
    const updated = (await put(a, `${OPS}/${zhang.id}`, { name: '张伟伟', badge: null }).expect(200))
      .body as OperatorView;
    expect(updated).toMatchObject({ name: '张伟伟', badge: null, hasPin: true });
    await post(a, `${OPS}/identify`, { badge: `B-${suffix}` }).expect(404);
    await put(a, `${OPS}/${zhang.id}`, { active: false }).expect(200);
    await post(a, `${OPS}/identify`, { code: 'OP-001', pin: '4321' }).expect(404);
    await put(a, `${OPS}/${zhang.id}`, { active: true, badge: `B-${suffix}` }).expect(200);
  });

  it('is isolated per tenant: 404 for the other tenant', async () => {
    expect((await get(b, OPS).expect(200)).body).toEqual([]);
    await post(b, `${OPS}/identify`, { badge: `B-${suffix}` }).expect(404);
    await post(b, `${OPS}/identify`, { code: 'OP-002', pin: '567890' }).expect(404);
    await put(b, `${OPS}/${zhang.id}`, { name: 'x' }).expect(404);
    // The same code and badge are free in another tenant.
    await post(b, OPS, { code: 'OP-001', name: '别家', badge: `B-${suffix}` }).expect(201);
  });

  it('bad input is 400 naming the fields', async () => {
    const bad = await post(a, OPS, { code: '', name: 5, badge: 7, pin: '12', extra: 1 }).expect(400);
    expect(new Set(fields(bad.body))).toEqual(new Set(['code', 'name', 'badge', 'pin', 'extra']));
    const pinLetters = await post(a, OPS, { code: 'OP-X', name: 'x', pin: '12ab' }).expect(400);
    expect(fields(pinLetters.body)).toEqual(['pin']);
    const nothing = await post(a, `${OPS}/identify`, {}).expect(400);
    expect(fields(nothing.body)).toEqual(['badge']);
    const noPin = await post(a, `${OPS}/identify`, { code: 'OP-001' }).expect(400);
    expect(fields(noPin.body)).toEqual(['pin']);
    const badUpdate = await put(a, `${OPS}/${zhang.id}`, { pin: '123456789', active: 'yes' }).expect(400);
    expect(new Set(fields(badUpdate.body))).toEqual(new Set(['pin', 'active']));
  });

  it('a report names operators (codes stay free text: unknown codes are not refused)', async () => {
    await post(a, '/master-data/warehouses', { code: 'FG', name: '成品仓' }).expect(201);
    await post(a, '/master-data/work-centers', { code: 'WC-1', name: '一线' }).expect(201);
    await post(a, '/master-data/items', {
      code: 'PART',
      name: '零件',
      type: 'finished',
      baseUnit: '个',
      makeOrBuy: 'make',
    }).expect(201);
    const wo = (
      await post(a, '/production-execution/work-orders', { itemCode: 'PART', qty: '10' }).expect(201)
    ).body as WorkOrderView;
    await post(a, `/production-execution/work-orders/${wo.id}/release`, {}).expect(200);
    const report = (
      await post(a, `/production-execution/work-orders/${wo.id}/reports`, {
        operationSeq: 10,
        goodQty: '2',
        operatorCodes: ['OP-002'],
      }).expect(201)
    ).body as WorkReportView;
    expect(report.operatorCodes).toEqual(['OP-002']);
  });
});
