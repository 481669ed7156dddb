import { Module } from '@nestjs/common';
import { ErrorCode, type LoginResponse, type SubscriptionView } from '@mes/shared';
import { TenantsService, type ModuleDefinition } from '@mes/platform';
import { MODULES } from '../../apps/api/src/modules.registry';
import { bearer, startTestApp, type TestApp } from './support/test-app';

@Module({})
class EmptyModule {}

/** Stand-ins for catalog modules not built yet, so the dependency rules can be exercised over HTTP. */
const standIn = (key: string, dependsOn: string[]): ModuleDefinition => ({
  manifest: { key, nameZh: key, nameEn: key, dependsOn, permissions: {}, menu: [], meters: [] },
  apiModule: EmptyModule,
  entities: [],
  migrations: [],
});

describe('subscription dependency rules (warehousing ← mrp ← master-scheduling)', () => {
  let t: TestApp;
  let admin: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp([
      ...MODULES,
      standIn('warehousing', []),
      standIn('mrp', ['warehousing', 'master-data']),
      standIn('master-scheduling', ['mrp']),
    ]);
    await t.app.get(TenantsService).create(
      {
        slug: `dep-${suffix}`,
        name: '依赖测试',
        adminEmail: `dep-${suffix}@x.test`,
        adminPassword: 'Password#1',
      },
      null,
    );
    admin = await t.login({ email: `dep-${suffix}@x.test`, password: 'Password#1' });
  });
  afterAll(() => t.close());

  const subscribe = (body: object) =>
    t.http().post('/api/v1/subscriptions').set(bearer(admin.accessToken)).send(body);

  it('refuses a module whose dependencies are not active, naming all of them', async () => {
    const res = await subscribe({ moduleKey: 'master-scheduling' }).expect(409);
    expect(res.body).toMatchObject({
      code: ErrorCode.MODULE_DEPENDENCY_MISSING,
      details: [
        { field: 'dependsOn', message: 'warehousing' },
        { field: 'dependsOn', message: 'mrp' },
      ],
    });
    const active = (await t.http().get('/api/v1/subscriptions').set(bearer(admin.accessToken))).body as {
      items: SubscriptionView[];
    };
    expect(active.items.map((s) => s.moduleKey)).toEqual(['master-data']);
  });

  it('subscribes the missing dependencies too with withDependencies, dependencies first', async () => {
    const res = await subscribe({ moduleKey: 'master-scheduling', withDependencies: true }).expect(201);
    expect((res.body as { items: SubscriptionView[] }).items.map((s) => [s.moduleKey, s.priceWan])).toEqual([
      ['warehousing', '4.00'],
      ['mrp', '6.00'],
      ['master-scheduling', '10.00'],
    ]);
  });

  it('refuses to unsubscribe a module an active one depends on, naming the dependents', async () => {
    const res = await t.http().delete('/api/v1/subscriptions/mrp').set(bearer(admin.accessToken)).expect(409);
    expect(res.body).toMatchObject({
      code: ErrorCode.MODULE_REQUIRED_BY_OTHERS,
      details: [{ field: 'dependents', message: 'master-scheduling' }],
    });
    await t
      .http()
      .delete('/api/v1/subscriptions/master-scheduling')
      .set(bearer(admin.accessToken))
      .expect(204);
    await t.http().delete('/api/v1/subscriptions/mrp').set(bearer(admin.accessToken)).expect(204);
    await t.http().delete('/api/v1/subscriptions/warehousing').set(bearer(admin.accessToken)).expect(204);
  });
});
