import { ErrorCode, type LoginResponse, type MeResponse } from '@mes/shared';
import { bearer, DEMO, startTestApp, type TestApp } from './support/test-app';

describe('accounts and auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs the factory admin into the demo tenant with a tenant-scoped token', async () => {
    const res = await t.http().post('/api/v1/auth/login').send(DEMO.admin).expect(200);
    const body = res.body as LoginResponse;
    expect(body.tenant).toMatchObject({ slug: 'demo', name: '演示工厂' });
    expect(body.tenants).toEqual([expect.objectContaining({ slug: 'demo', roles: ['tenant_admin'] })]);
    const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ tid: body.tenant!.id, roles: ['tenant_admin'] });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(15 * 60);
    const me = await t.http().get('/api/v1/auth/me').set(bearer(body.accessToken)).expect(200);
    expect(me.body as MeResponse).toMatchObject({
      user: { email: 'admin@demo.test' },
      tenant: { slug: 'demo' },
      modules: ['master-data'],
    });
  });

  it('gives the operator the platform scope', async () => {
    const body = await t.login(DEMO.operator);
    expect(body.tenant).toBeNull();
    const me = await t.http().get('/api/v1/auth/me').set(bearer(body.accessToken)).expect(200);
    expect((me.body as MeResponse).roles).toEqual(['platform_operator']);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: DEMO.admin.email, password: 'nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@demo.test', password: 'nope' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ statusCode: 401, code: ErrorCode.INVALID_CREDENTIALS });
  });

  it('throttles repeated failures per email and IP with 429, even for the right password', async () => {
    const email = DEMO.lead.email;
    for (let i = 0; i < 5; i++)
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email, password: `bad-${i}` })
        .expect(401);
    const blocked = await t.http().post('/api/v1/auth/login').send(DEMO.lead).expect(429);
    expect(blocked.body).toMatchObject({ code: ErrorCode.TOO_MANY_ATTEMPTS });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another email from the same IP is not affected.
    await t.http().post('/api/v1/auth/login').send(DEMO.admin).expect(200);
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole family', async () => {
    const first = await t.login(DEMO.admin);
    const second = (
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body as LoginResponse;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.tenant?.slug).toBe('demo');
    const reuse = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(reuse.body).toMatchObject({ code: ErrorCode.INVALID_REFRESH_TOKEN });
    // The thief's reuse also killed the legitimate holder's newer token.
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('revokes refresh tokens on logout', async () => {
    const session = await t.login(DEMO.admin);
    await t.http().post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('lets a contractor switch between their tenants, one tenant per token', async () => {
    const session = await t.login(DEMO.contractor);
    expect(session.tenants.map((x) => x.slug).sort()).toEqual(['demo', 'demo2']);
    const other = session.tenant?.slug === 'demo' ? 'demo2' : 'demo';
    const switched = (
      await t
        .http()
        .post('/api/v1/auth/switch-tenant')
        .set(bearer(session.accessToken))
        .send({ tenant: other })
        .expect(200)
    ).body as LoginResponse;
    expect(switched.tenant?.slug).toBe(other);
    const me = (await t.http().get('/api/v1/auth/me').set(bearer(switched.accessToken)).expect(200))
      .body as MeResponse;
    expect(me.tenant?.slug).toBe(other);
  });

  it('refuses a tenant the user does not belong to', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ ...DEMO.admin, tenant: 'demo2' })
      .expect(403);
    expect(res.body).toMatchObject({ code: ErrorCode.NOT_A_MEMBER });
    const session = await t.login(DEMO.admin);
    await t
      .http()
      .post('/api/v1/auth/switch-tenant')
      .set(bearer(session.accessToken))
      .send({ tenant: 'demo2' })
      .expect(403);
  });

  it('refuses missing, malformed and tampered tokens with 401', async () => {
    await t.http().get('/api/v1/auth/me').expect(401);
    await t.http().get('/api/v1/auth/me').set(bearer('not-a-jwt')).expect(401);
    const session = await t.login(DEMO.admin);
    const [h, p, s] = session.accessToken.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p!, 'base64url').toString()),
        roles: ['platform_operator'],
      }),
    ).toString('base64url');
    await t
      .http()
      .get('/api/v1/auth/me')
      .set(bearer(`${h}.${forged}.${s}`))
      .expect(401);
  });
});
