import { DataSource } from 'typeorm';
import { ErrorCode, type CatalogModule, type LoginResponse, type SubscriptionView } from '@mes/shared';
import { TenantsService } from '@mes/platform';
import { bearer, startTestApp, type TestApp } from './support/test-app';

describe('catalog and subscriptions', () => {
  let t: TestApp;
  let admin: LoginResponse;
  let tenantId: string;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (
      await t.app.get(TenantsService).create(
        {
          slug: `sub-${suffix}`,
          name: '订阅测试',
          adminEmail: `sub-${suffix}@x.test`,
          adminPassword: 'Password#1',
        },
        null,
      )
    ).id;
    admin = await t.login({ email: `sub-${suffix}@x.test`, password: 'Password#1' });
  });
  afterAll(() => t.close());

  const auth = () => bearer(admin.accessToken);

  it('lists all 51 scenario modules with category, decimal-string price, pricing, kind, dependsOn, available', async () => {
    const res = await t.http().get('/api/v1/catalog/modules').set(auth()).expect(200);
    const items = (res.body as { items: CatalogModule[] }).items;
    expect(items).toHaveLength(51);
    expect(items.find((m) => m.key === 'mrp')).toMatchObject({
      nameZh: '物料需求计划',
      category: '企业运营',
      priceWan: '6.00',
      pricing: 'list',
      kind: 'software',
      dependsOn: ['warehousing'],
      available: true,
    });
    expect(items.find((m) => m.key === 'master-scheduling')).toMatchObject({
      dependsOn: ['mrp', 'production-execution'],
      available: true,
    });
    expect(items.find((m) => m.key === 'advanced-planning')).toMatchObject({
      dependsOn: ['master-scheduling'],
      available: false,
    });
    expect(items.find((m) => m.key === 'production-knowledge')).toMatchObject({
      priceWan: '6.00',
      available: true,
      dependsOn: [],
    });
    expect(items.find((m) => m.key === 'energy')).toMatchObject({ priceWan: null, pricing: 'quote' });
  });

  it('refuses the module API to a tenant without a subscription: 403 MODULE_NOT_SUBSCRIBED', async () => {
    const res = await t.http().get('/api/v1/production-knowledge/articles').set(auth()).expect(403);
    expect(res.body).toMatchObject({ code: ErrorCode.MODULE_NOT_SUBSCRIBED });
  });

  it('subscribes at the list price of the day, opens the API at once, and keeps the history', async () => {
    const res = await t
      .http()
      .post('/api/v1/subscriptions')
      .set(auth())
      .send({ moduleKey: 'production-knowledge' })
      .expect(201);
    expect((res.body as { items: SubscriptionView[] }).items).toEqual([
      expect.objectContaining({
        moduleKey: 'production-knowledge',
        status: 'active',
        priceWan: '6.00',
        endsAt: null,
      }),
    ]);
    await t.http().get('/api/v1/production-knowledge/articles').set(auth()).expect(200);
    const me = await t.http().get('/api/v1/auth/me').set(auth()).expect(200);
    expect((me.body as { modules: string[] }).modules).toEqual(['master-data', 'production-knowledge']);
    const again = await t
      .http()
      .post('/api/v1/subscriptions')
      .set(auth())
      .send({ moduleKey: 'production-knowledge' })
      .expect(409);
    expect(again.body).toMatchObject({ code: ErrorCode.ALREADY_SUBSCRIBED });
  });

  it('unsubscribes: the API closes at once (the Redis cache is invalidated), history keeps both events', async () => {
    await t.http().delete('/api/v1/subscriptions/production-knowledge').set(auth()).expect(204);
    await t.http().get('/api/v1/production-knowledge/articles').set(auth()).expect(403);
    const list = (await t.http().get('/api/v1/subscriptions').set(auth()).expect(200)).body as {
      items: SubscriptionView[];
    };
    expect(list.items.find((s) => s.moduleKey === 'production-knowledge')).toMatchObject({
      status: 'cancelled',
      endsAt: expect.any(String),
    });
    const history = await t.app
      .get(DataSource)
      .query<{ action: string; price_wan: string; actor_user_id: string }[]>(
        `SELECT action, price_wan, actor_user_id FROM platform.subscription_events WHERE tenant_id = $1 AND module_key = 'production-knowledge' ORDER BY at`,
        [tenantId],
      );
    expect(history).toEqual([
      { action: 'subscribe', price_wan: '6.00', actor_user_id: admin.user.id },
      { action: 'unsubscribe', price_wan: '6.00', actor_user_id: admin.user.id },
    ]);
    await expect(
      t.app
        .get(DataSource)
        .query(`DELETE FROM platform.subscription_events WHERE tenant_id = $1`, [tenantId]),
    ).rejects.toThrow();
  });

  it('applies the dependency rules', async () => {
    const notAvailable = await t
      .http()
      .post('/api/v1/subscriptions')
      .set(auth())
      .send({ moduleKey: 'advanced-planning' })
      .expect(409);
    expect(notAvailable.body).toMatchObject({ code: ErrorCode.MODULE_NOT_AVAILABLE });
    const alwaysOn = await t.http().delete('/api/v1/subscriptions/master-data').set(auth()).expect(409);
    expect(alwaysOn.body).toMatchObject({ code: ErrorCode.MODULE_ALWAYS_ON });
    await t.http().post('/api/v1/subscriptions').set(auth()).send({ moduleKey: 'master-data' }).expect(409);
    await t
      .http()
      .post('/api/v1/subscriptions')
      .set(auth())
      .send({ moduleKey: 'no-such-module' })
      .expect(404);
    await t.http().delete('/api/v1/subscriptions/production-knowledge').set(auth()).expect(404);
  });

  it('lets only tenant admins and contractors change subscriptions', async () => {
    const tenants = t.app.get(TenantsService);
    await tenants.addMember(tenantId, {
      email: `op-${suffix}@x.test`,
      name: '操作工',
      password: 'Password#1',
      roles: ['operator'],
    });
    const operator = await t.login({ email: `op-${suffix}@x.test`, password: 'Password#1' });
    await t.http().get('/api/v1/subscriptions').set(bearer(operator.accessToken)).expect(200);
    await t
      .http()
      .post('/api/v1/subscriptions')
      .set(bearer(operator.accessToken))
      .send({ moduleKey: 'production-knowledge' })
      .expect(403);
  });

  it('serialises concurrent subscribes of one module: one wins, the rest get 409', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http().post('/api/v1/subscriptions').set(auth()).send({ moduleKey: 'production-knowledge' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });
});
