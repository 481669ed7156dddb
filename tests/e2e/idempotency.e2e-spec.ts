import { TenantDb } from '@mes/platform';
import { ErrorCode, type LoginResponse } from '@mes/shared';
import { bearer, freshTenants, startTestApp, type TestApp } from './support/test-app';

describe('Idempotency-Key: a retried write applies once', () => {
  let t: TestApp;
  let admin: LoginResponse;
  let other: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    [admin, other] = await freshTenants(t, suffix, 'ia', 'ib');
    for (const s of [admin, other]) {
      await t
        .http()
        .post('/api/v1/subscriptions')
        .set(bearer(s.accessToken))
        .send({ moduleKey: 'production-knowledge' })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  const create = (s: LoginResponse, key: string | null, title: string) => {
    const req = t.http().post('/api/v1/production-knowledge/articles').set(bearer(s.accessToken));
    return (key ? req.set('Idempotency-Key', key) : req).send({ title, category: '幂等' });
  };
  const count = async (s: LoginResponse, title: string) =>
    (
      (
        await t
          .http()
          .get(`/api/v1/production-knowledge/articles?q=${encodeURIComponent(title)}`)
          .set(bearer(s.accessToken))
      ).body as { total: number }
    ).total;

  it('returns the first result for a repeat and writes nothing new', async () => {
    const first = await create(admin, 'key-1', '幂等文章').expect(201);
    const again = await create(admin, 'key-1', '幂等文章').expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count(admin, '幂等文章')).toBe(1);
  });

  it('applies concurrent retries of one key exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => create(admin, 'key-concurrent', '并发文章')),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => (r.body as { id: string }).id)).size).toBe(1);
    expect(await count(admin, '并发文章')).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    await create(admin, 'key-2', '第一篇').expect(201);
    const res = await create(admin, 'key-2', '第二篇').expect(409);
    expect(res.body).toMatchObject({ code: ErrorCode.IDEMPOTENCY_KEY_REUSED });
    expect(await count(admin, '第二篇')).toBe(0);
  });

  it('keeps keys per tenant, and lets a failed request be retried with its key', async () => {
    await create(other, 'key-1', '幂等文章').expect(201);
    expect(await count(other, '幂等文章')).toBe(1);
    await t
      .http()
      .post('/api/v1/production-knowledge/articles')
      .set(bearer(admin.accessToken))
      .set('Idempotency-Key', 'key-3')
      .send({ category: 'x' })
      .expect(400);
    await create(admin, 'key-3', '重试成功').expect(201);
    const stored = await t.app
      .get(TenantDb)
      .runInTenant(admin.tenant!.id, (m) =>
        m.query<{ status_code: number }[]>(`SELECT status_code FROM idempotency_records WHERE key = 'key-3'`),
      );
    expect(stored).toEqual([{ status_code: 201 }]);
  });

  it('without a key, two posts are two writes; a malformed key is a 400', async () => {
    await create(admin, null, '无键文章').expect(201);
    await create(admin, null, '无键文章').expect(201);
    expect(await count(admin, '无键文章')).toBe(2);
    const bad = await create(admin, 'x'.repeat(201), '坏键').expect(400);
    expect(bad.body).toMatchObject({ details: [{ field: 'Idempotency-Key' }] });
  });
});
