import { DataSource } from 'typeorm';
import { ApiCallCounter, TenantsService, UsageMeter, ValidationFailedError } from '@mes/platform';
import type { LoginResponse } from '@mes/shared';
import { bearer, startTestApp, type TestApp } from './support/test-app';

describe('usage metering', () => {
  let t: TestApp;
  let meter: UsageMeter;
  let tenantId: string;
  let admin: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    meter = t.app.get(UsageMeter);
    tenantId = (
      await t.app.get(TenantsService).create(
        {
          slug: `use-${suffix}`,
          name: 'use',
          adminEmail: `use-${suffix}@x.test`,
          adminPassword: 'Password#1',
        },
        null,
      )
    ).id;
    admin = await t.login({ email: `use-${suffix}@x.test`, password: 'Password#1' });
  });
  afterAll(() => t.close());

  it('records an event exactly once however often it is retried, even concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => meter.record(tenantId, 'mrp.runs', '1', 'run-42')),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const [row] = await t.app
      .get(DataSource)
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM platform.usage_events WHERE tenant_id = $1 AND meter = 'mrp.runs'`,
        [tenantId],
      );
    expect(row!.n).toBe(1);
  });

  it('sums exact decimals per meter and period', async () => {
    const at = new Date('2026-10-15T08:00:00Z');
    await meter.record(tenantId, 'telemetry.points', '0.1', 'a', { occurredAt: at });
    await meter.record(tenantId, 'telemetry.points', '0.2', 'b', { occurredAt: at });
    await meter.record(tenantId, 'telemetry.points', '5', 'c', {
      occurredAt: new Date('2026-11-01T00:00:00Z'),
    });
    expect(
      await meter.total(tenantId, 'telemetry.points', new Date('2026-10-01Z'), new Date('2026-11-01Z')),
    ).toBe('0.300000');
  });

  it('refuses negative or non-decimal quantities and bad meter names', async () => {
    await expect(meter.record(tenantId, 'x.y', '-1', 'k1')).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(meter.record(tenantId, 'x.y', '1e3', 'k2')).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(meter.record(tenantId, 'Bad Meter', '1', 'k3')).rejects.toBeInstanceOf(
      ValidationFailedError,
    );
  });

  it('keeps usage events append-only for the app role', async () => {
    await expect(
      t.app
        .get(DataSource)
        .query(`UPDATE platform.usage_events SET quantity = 0 WHERE tenant_id = $1`, [tenantId]),
    ).rejects.toThrow(/permission denied|append-only/);
  });

  it('counts API calls per tenant and module in memory and flushes them as one event per batch', async () => {
    await t
      .http()
      .post('/api/v1/subscriptions')
      .set(bearer(admin.accessToken))
      .send({ moduleKey: 'production-knowledge' })
      .expect(201);
    const counter = t.app.get(ApiCallCounter);
    await counter.flush();
    const dataSource = t.app.get(DataSource);
    const before = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM platform.usage_events WHERE tenant_id = $1 AND meter = 'api.calls'`,
      [tenantId],
    );
    for (let i = 0; i < 7; i++)
      await t.http().get('/api/v1/production-knowledge/articles').set(bearer(admin.accessToken)).expect(200);
    const mid = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM platform.usage_events WHERE tenant_id = $1 AND meter = 'api.calls'`,
      [tenantId],
    );
    expect(mid[0]!.n).toBe(before[0]!.n);
    await counter.flush();
    await counter.flush();
    const rows = await dataSource.query<{ quantity: string }[]>(
      `SELECT quantity FROM platform.usage_events WHERE tenant_id = $1 AND meter = 'api.calls' AND module_key = 'production-knowledge'`,
      [tenantId],
    );
    expect(rows).toEqual([{ quantity: '7.000000' }]);
  });
});
