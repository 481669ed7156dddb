import { startTestApp, type TestApp } from './support/test-app';

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health of PostgreSQL and Redis', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'up', database: 'up', redis: 'up' });
  });

  it('serves Prometheus metrics including HTTP request counts', async () => {
    await t.http().get('/api/health');
    const res = await t.http().get('/api/metrics').expect(200);
    expect(res.text).toMatch(/^# HELP/m);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
  });

  it('serves the OpenAPI document with the contract paths', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/catalog/modules',
        '/api/v1/subscriptions',
        '/api/v1/platform/tenants',
      ]),
    );
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.http().get('/api/health').set('x-request-id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http().get('/api/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API route with the error body', async () => {
    const res = await t.http().get('/api/v1/nope').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
