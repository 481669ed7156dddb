import { RouteAccessAudit, TenantsService } from '@mes/platform';
import type { LoginResponse } from '@mes/shared';
import { bearer, DEMO, startTestApp, type TestApp } from './support/test-app';
import { MODULE_WRITE_ENDPOINTS, SOME_ID, type Who, type WriteEndpoint } from './support/write-endpoints';

const HUGE = 'x'.repeat(100_000);
/** Malformed bodies: wrong types, missing fields, huge strings, bad numbers, unknown fields. */
const MALFORMED: unknown[] = [
  {},
  { unknownField: 1 },
  { email: 12, password: true, slug: [], name: {}, moduleKey: 5, title: 1, refreshToken: 7, tenant: 9 },
  {
    email: HUGE,
    password: HUGE,
    slug: HUGE,
    name: HUGE,
    moduleKey: HUGE,
    title: HUGE,
    refreshToken: HUGE,
    tenant: HUGE,
    category: HUGE,
  },
  { qty: '-1', quantity: 'abc', page: -1, withDependencies: 'yes', status: 42, tags: 'x' },
  [],
  [1, 2, 3],
  'just a string',
  null,
];

describe('bad input to every write endpoint gets 4xx, never 500', () => {
  let t: TestApp;
  const sessions: Partial<Record<Who, LoginResponse>> = {};
  let tenantId = '';

  beforeAll(async () => {
    t = await startTestApp();
    sessions.operator = await t.login(DEMO.operator);
    const suffix = Date.now().toString(36);
    tenantId = (
      await t.app.get(TenantsService).create(
        {
          slug: `bad-${suffix}`,
          name: 'bad',
          adminEmail: `bad-${suffix}@x.test`,
          adminPassword: 'Password#1',
        },
        null,
      )
    ).id;
    sessions.admin = await t.login({ email: `bad-${suffix}@x.test`, password: 'Password#1' });
    const modules = [{ moduleKey: 'production-knowledge', endpoints: [{}] }, ...MODULE_WRITE_ENDPOINTS];
    for (const { moduleKey } of modules.filter((m) => m.endpoints.length)) {
      await t
        .http()
        .post('/api/v1/subscriptions')
        .set(bearer(sessions.admin.accessToken))
        .send({ moduleKey, withDependencies: true })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  const someId = SOME_ID;
  const ENDPOINTS: WriteEndpoint[] = [
    {
      method: 'post',
      route: 'LotController.create',
      path: () => '/api/v1/master-data/lots',
      as: 'admin',
      body: true,
    },
    {
      method: 'put',
      route: 'BarcodeController.putLabelRule',
      path: () => '/api/v1/master-data/label-rules/item',
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'AuthController.login',
      path: () => '/api/v1/auth/login',
      as: 'none',
      body: true,
    },
    {
      method: 'post',
      route: 'AuthController.refresh',
      path: () => '/api/v1/auth/refresh',
      as: 'none',
      body: true,
    },
    {
      method: 'post',
      route: 'AuthController.logout',
      path: () => '/api/v1/auth/logout',
      as: 'none',
      body: true,
    },
    {
      method: 'post',
      route: 'AuthController.switchTenant',
      path: () => '/api/v1/auth/switch-tenant',
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'PlatformTenantsController.create',
      path: () => '/api/v1/platform/tenants',
      as: 'operator',
      body: true,
    },
    {
      method: 'post',
      route: 'PlatformTenantsController.suspend',
      path: () => `/api/v1/platform/tenants/${someId}/suspend`,
      as: 'operator',
      body: false,
    },
    {
      method: 'post',
      route: 'PlatformTenantsController.resume',
      path: () => `/api/v1/platform/tenants/${someId}/resume`,
      as: 'operator',
      body: false,
    },
    {
      method: 'post',
      route: 'SubscriptionsController.subscribe',
      path: () => '/api/v1/subscriptions',
      as: 'admin',
      body: true,
    },
    {
      method: 'delete',
      route: 'SubscriptionsController.unsubscribe',
      path: () => `/api/v1/subscriptions/${HUGE.slice(0, 300)}`,
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'ArticleController.create',
      path: () => '/api/v1/production-knowledge/articles',
      as: 'admin',
      body: true,
    },
    {
      method: 'patch',
      route: 'ArticleController.update',
      path: () => `/api/v1/production-knowledge/articles/${someId}`,
      as: 'admin',
      body: true,
      emptyBodyValid: true,
    },
    {
      method: 'delete',
      route: 'ArticleController.remove',
      path: () => '/api/v1/production-knowledge/articles/not-an-id',
      as: 'admin',
      body: false,
    },
    ...(
      ['units', 'items', 'warehouses', 'customers', 'suppliers', 'calendars', 'work-centers'] as const
    ).flatMap((path): WriteEndpoint[] => {
      const name = {
        units: 'Unit',
        items: 'Item',
        warehouses: 'Warehouse',
        customers: 'Customer',
        suppliers: 'Supplier',
        calendars: 'Calendar',
        'work-centers': 'WorkCenter',
      }[path];
      return [
        {
          method: 'post',
          route: `${name}Controller.create`,
          path: () => `/api/v1/master-data/${path}`,
          as: 'admin',
          body: true,
        },
        {
          method: 'patch',
          route: `${name}Controller.update`,
          path: () => `/api/v1/master-data/${path}/${someId}`,
          as: 'admin',
          body: true,
          emptyBodyValid: true,
        },
        {
          method: 'delete',
          route: `${name}Controller.remove`,
          path: () => `/api/v1/master-data/${path}/x`,
          as: 'admin',
          body: false,
        },
      ];
    }),
    {
      method: 'post',
      route: 'RoutingController.create',
      path: () => '/api/v1/master-data/routings',
      as: 'admin',
      body: true,
    },
    {
      method: 'put',
      route: 'RoutingController.replace',
      path: () => `/api/v1/master-data/routings/${someId}`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'RoutingController.setDefault',
      path: () => `/api/v1/master-data/routings/${someId}/default`,
      as: 'admin',
      body: false,
    },
    {
      method: 'delete',
      route: 'RoutingController.remove',
      path: () => '/api/v1/master-data/routings/nope',
      as: 'admin',
      body: false,
    },
    {
      method: 'post',
      route: 'BomController.create',
      path: () => '/api/v1/master-data/boms',
      as: 'admin',
      body: true,
    },
    {
      method: 'put',
      route: 'BomController.replace',
      path: () => `/api/v1/master-data/boms/${someId}`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'BomController.copy',
      path: () => `/api/v1/master-data/boms/${someId}/copy`,
      as: 'admin',
      body: true,
    },
    {
      method: 'post',
      route: 'BomController.setDefault',
      path: () => `/api/v1/master-data/boms/${someId}/default`,
      as: 'admin',
      body: false,
    },
    {
      method: 'delete',
      route: 'BomController.remove',
      path: () => '/api/v1/master-data/boms/nope',
      as: 'admin',
      body: false,
    },
    {
      // multipart upload: a JSON body carries no file, so it is a 400 naming the field "file"
      method: 'post',
      route: 'ImportExportController.importFile',
      path: () => '/api/v1/master-data/imports/items',
      as: 'admin',
      body: true,
    },
    ...MODULE_WRITE_ENDPOINTS.flatMap((m) => m.endpoints),
  ];

  it('covers every write route the app has', () => {
    const writes = t.app
      .get(RouteAccessAudit)
      .routes()
      .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
      .map((r) => r.route)
      .sort();
    expect(ENDPOINTS.map((e) => e.route).sort()).toEqual(writes);
  });

  it.each(ENDPOINTS.map((e) => [e.route, e] as const))('%s', async (_route, endpoint) => {
    const auth = endpoint.as === 'none' ? {} : bearer(sessions[endpoint.as]!.accessToken);
    const bodies = endpoint.body
      ? MALFORMED.filter((b) => !(endpoint.emptyBodyValid && JSON.stringify(b) === '{}'))
      : [undefined];
    for (const body of bodies) {
      let req = t.http()[endpoint.method](endpoint.path()).set(auth);
      if (body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(body));
      const res = await req;
      const answer = res.body as { statusCode: number; code: string; details?: { field: string }[] };
      expect(answer).toMatchObject({ statusCode: res.status, code: expect.stringMatching(/^[A-Z_0-9]+$/) });
      if (endpoint.body) {
        // A malformed body is a 400 naming the fields (or MALFORMED_JSON when it is not an object).
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(answer.code === 'MALFORMED_JSON' || (answer.details ?? []).length > 0).toBe(true);
      } else {
        expect({ path: endpoint.path(), status: res.status < 500 }).toEqual({
          path: endpoint.path(),
          status: true,
        });
      }
    }
    // Broken JSON and an oversized body.
    if (endpoint.body) {
      const broken = await t
        .http()
        [endpoint.method](endpoint.path())
        .set(auth)
        .set('Content-Type', 'application/json')
        .send('{"title": ');
      expect(broken.status).toBe(400);
      const big = await t
        .http()
        [endpoint.method](endpoint.path())
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ title: 'y'.repeat(2_000_000) }));
      expect(big.status).toBe(413);
    }
  });

  it('refuses wrong types with 400 VALIDATION_FAILED naming the fields', async () => {
    const res = await t
      .http()
      .post('/api/v1/platform/tenants')
      .set(bearer(sessions.operator!.accessToken))
      .send({ slug: 'Bad Slug!', name: 5, adminEmail: 'nope', adminPassword: 'short', extra: true })
      .expect(400);
    const fields = (res.body as { details: { field: string }[] }).details.map((d) => d.field);
    expect(new Set(fields)).toEqual(new Set(['slug', 'name', 'adminEmail', 'adminPassword', 'extra']));
    expect(tenantId).toBeTruthy();
  });
});
