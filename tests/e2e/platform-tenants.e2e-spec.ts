import { ErrorCode, type LoginResponse, type TenantView } from '@mes/shared';
import { bearer, DEMO, startTestApp, type TestApp } from './support/test-app';

describe('platform operator: tenants', () => {
  let t: TestApp;
  let operator: LoginResponse;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.login(DEMO.operator);
  });
  afterAll(() => t.close());

  const slug = `acme-${Date.now().toString(36)}`;

  it('creates a tenant whose admin can log in with master-data already on', async () => {
    const res = await t
      .http()
      .post('/api/v1/platform/tenants')
      .set(bearer(operator.accessToken))
      .send({
        slug,
        name: '宁波某电器',
        adminEmail: `boss@${slug}.test`,
        adminPassword: 'Boss#20260',
        industry: '家用电器',
      })
      .expect(201);
    const tenant = res.body as TenantView;
    expect(tenant).toMatchObject({
      slug,
      name: '宁波某电器',
      status: 'active',
      industry: '家用电器',
      timeZone: 'Asia/Shanghai',
    });
    const admin = await t.login({ email: `boss@${slug}.test`, password: 'Boss#20260' });
    expect(admin.tenant?.id).toBe(tenant.id);
    const subs = await t.http().get('/api/v1/subscriptions').set(bearer(admin.accessToken)).expect(200);
    expect(subs.body).toEqual({
      items: [expect.objectContaining({ moduleKey: 'master-data', status: 'active', priceWan: '0.00' })],
    });
    const got = await t
      .http()
      .get(`/api/v1/platform/tenants/${tenant.id}`)
      .set(bearer(operator.accessToken))
      .expect(200);
    expect(got.body).toEqual(tenant);
  });

  it('refuses a duplicate slug with 409 naming the field', async () => {
    const res = await t
      .http()
      .post('/api/v1/platform/tenants')
      .set(bearer(operator.accessToken))
      .send({ slug: 'demo', name: 'x', adminEmail: 'x@x.test', adminPassword: 'Password#1' })
      .expect(409);
    expect(res.body).toMatchObject({ code: ErrorCode.DUPLICATE_CODE, details: [{ field: 'slug' }] });
  });

  it('lists tenants with paging', async () => {
    const res = await t
      .http()
      .get('/api/v1/platform/tenants?page=1&pageSize=2')
      .set(bearer(operator.accessToken))
      .expect(200);
    const body = res.body as { items: TenantView[]; total: number };
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(3);
    await t.http().get('/api/v1/platform/tenants?pageSize=501').set(bearer(operator.accessToken)).expect(400);
  });

  it('is for operators only', async () => {
    const admin = await t.login(DEMO.admin);
    await t.http().get('/api/v1/platform/tenants').set(bearer(admin.accessToken)).expect(403);
    await t
      .http()
      .post('/api/v1/platform/tenants')
      .set(bearer(admin.accessToken))
      .send({ slug: 'evil', name: 'x', adminEmail: 'x@x.test', adminPassword: 'Password#1' })
      .expect(403);
  });

  it('answers an unknown or malformed tenant id with 404', async () => {
    await t
      .http()
      .get('/api/v1/platform/tenants/01900000-0000-7000-8000-000000000000')
      .set(bearer(operator.accessToken))
      .expect(404);
    await t.http().get('/api/v1/platform/tenants/not-a-uuid').set(bearer(operator.accessToken)).expect(404);
  });

  it('suspending a tenant gives its users 403 TENANT_SUSPENDED at once; resuming lets them back', async () => {
    const created = (
      await t
        .http()
        .post('/api/v1/platform/tenants')
        .set(bearer(operator.accessToken))
        .send({
          slug: `${slug}-s`,
          name: '停用测试',
          adminEmail: `boss@${slug}-s.test`,
          adminPassword: 'Boss#20260',
        })
        .expect(201)
    ).body as TenantView;
    const admin = await t.login({ email: `boss@${slug}-s.test`, password: 'Boss#20260' });
    await t.http().get('/api/v1/auth/me').set(bearer(admin.accessToken)).expect(200);

    const suspended = await t
      .http()
      .post(`/api/v1/platform/tenants/${created.id}/suspend`)
      .set(bearer(operator.accessToken))
      .expect(200);
    expect((suspended.body as TenantView).status).toBe('suspended');
    const refused = await t.http().get('/api/v1/auth/me').set(bearer(admin.accessToken)).expect(403);
    expect(refused.body).toMatchObject({ code: ErrorCode.TENANT_SUSPENDED });
    const relogin = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: `boss@${slug}-s.test`, password: 'Boss#20260' })
      .expect(403);
    expect(relogin.body).toMatchObject({ code: ErrorCode.TENANT_SUSPENDED });
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(403);

    await t
      .http()
      .post(`/api/v1/platform/tenants/${created.id}/resume`)
      .set(bearer(operator.accessToken))
      .expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(admin.accessToken)).expect(200);
    // The other tenants were never affected.
    const demoAdmin = await t.login(DEMO.admin);
    await t.http().get('/api/v1/auth/me').set(bearer(demoAdmin.accessToken)).expect(200);
  });
});
