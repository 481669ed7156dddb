import { describe, expect, it, vi } from 'vitest';
import type { LoginResponse } from '@mes/shared';
import { createFakeFetch, deferred, jsonResponse, type FakeCall } from '../testing/fake-fetch';
import { ApiError } from './api-error';
import { buildQuery, createHttpClient } from './http-client';
import { createMemoryTokenStore } from './token-store';

const login = (n: number): LoginResponse => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  user: { id: 'u1', email: 'admin@demo.test', name: 'Admin' },
  tenant: { id: 't1', slug: 'demo', name: '演示工厂' },
  tenants: [{ id: 't1', slug: 'demo', name: '演示工厂', roles: ['tenant_admin'] }],
});

const bearer = (call: FakeCall) => call.headers['authorization'];

/**
 * An API that issued generation 0 of the tokens, whose access token has expired: a refresh with
 * the refresh token of the current generation issues the next one (rotation).
 */
function fakeApi(options: { refreshStatus?: number; refreshGate?: Promise<unknown> } = {}) {
  let generation = 0;
  return createFakeFetch(async (call) => {
    if (call.url === '/api/v1/auth/refresh') {
      if (options.refreshGate) await options.refreshGate;
      const body = call.body as { refreshToken: string };
      if (options.refreshStatus || body.refreshToken !== `refresh-${generation}`) {
        return jsonResponse(options.refreshStatus ?? 401, {
          statusCode: options.refreshStatus ?? 401,
          code: 'INVALID_REFRESH_TOKEN',
          message: '登录已失效，请重新登录 / refresh token is invalid',
        });
      }
      generation += 1;
      return jsonResponse(200, login(generation));
    }
    if (generation === 0 || bearer(call) !== `Bearer access-${generation}`) {
      return jsonResponse(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'expired' });
    }
    return jsonResponse(200, { ok: true, url: call.url });
  });
}

describe('http client', () => {
  it('sends JSON with the bearer token under /api/v1 and reads JSON back', async () => {
    const fake = createFakeFetch(() => jsonResponse(201, { id: 'a1' }));
    const client = createHttpClient({ tokens: createMemoryTokenStore(login(1)), fetch: fake.fetch });

    const result = await client.post<{ id: string }>('/production-knowledge/articles', { title: 'x' });

    expect(result).toEqual({ id: 'a1' });
    const [call] = fake.calls;
    expect(call?.url).toBe('/api/v1/production-knowledge/articles');
    expect(call?.method).toBe('POST');
    expect(call?.headers['authorization']).toBe('Bearer access-1');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.body).toEqual({ title: 'x' });
  });

  it('builds query strings without empty values', async () => {
    expect(buildQuery({ page: 1, pageSize: 50, q: '', category: undefined, status: null, ok: true })).toBe(
      '?page=1&pageSize=50&ok=true',
    );
    expect(buildQuery({ tag: ['a', 'b c'] })).toBe('?tag=a&tag=b+c');
    expect(buildQuery({})).toBe('');

    const fake = createFakeFetch(() => jsonResponse(200, { items: [], total: 0 }));
    const client = createHttpClient({ tokens: createMemoryTokenStore(login(1)), fetch: fake.fetch });
    await client.get('/platform/tenants', { page: 2, pageSize: 20, q: '' });
    expect(fake.calls[0]?.url).toBe('/api/v1/platform/tenants?page=2&pageSize=20');
  });

  it('answers undefined for 204', async () => {
    const fake = createFakeFetch(() => new Response(null, { status: 204 }));
    const client = createHttpClient({ tokens: createMemoryTokenStore(login(1)), fetch: fake.fetch });
    await expect(client.delete('/subscriptions/production-knowledge')).resolves.toBeUndefined();
    expect(fake.calls[0]?.method).toBe('DELETE');
  });

  it('maps an error body to ApiError with code, status and field details', async () => {
    const fake = createFakeFetch(() =>
      jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '请求参数不合法 / invalid request',
        details: [
          { field: 'title', message: 'title must be shorter than or equal to 200 characters' },
          { field: 'title', message: 'second message of the same field' },
          { field: 'tags[1]', message: 'each value in tags must be a string' },
          { nonsense: true },
        ],
      }),
    );
    const client = createHttpClient({ tokens: createMemoryTokenStore(login(1)), fetch: fake.fetch });

    const error = await client.post('/production-knowledge/articles', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('请求参数不合法 / invalid request');
    expect(e.details).toHaveLength(3);
    expect(e.fieldErrors).toEqual({
      title: 'title must be shorter than or equal to 200 characters',
      'tags[1]': 'each value in tags must be a string',
    });
  });

  it('maps the 409 details of a missing dependency', async () => {
    const fake = createFakeFetch(() =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'MODULE_DEPENDENCY_MISSING',
        message: 'needs',
        details: [
          { field: 'dependsOn', message: 'warehousing' },
          { field: 'dependsOn', message: 'purchasing' },
        ],
      }),
    );
    const client = createHttpClient({ tokens: createMemoryTokenStore(login(1)), fetch: fake.fetch });
    const e = (await client
      .post('/subscriptions', { moduleKey: 'outsourcing' })
      .catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('MODULE_DEPENDENCY_MISSING');
    expect(e.detailValues('dependsOn')).toEqual(['warehousing', 'purchasing']);
  });

  it('maps a non-JSON error and a network failure', async () => {
    const html = createFakeFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const c1 = createHttpClient({ tokens: createMemoryTokenStore(), fetch: html.fetch });
    await expect(c1.get('/health')).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });

    const down = createFakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const c2 = createHttpClient({ tokens: createMemoryTokenStore(), fetch: down.fetch });
    await expect(c2.get('/health')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('tells the error listeners, unless the call is silent', async () => {
    const fake = createFakeFetch(() =>
      jsonResponse(403, { statusCode: 403, code: 'MODULE_NOT_SUBSCRIBED', message: 'no' }),
    );
    const client = createHttpClient({ tokens: createMemoryTokenStore(login(1)), fetch: fake.fetch });
    const listener = vi.fn();
    client.onError(listener);
    await client.get('/production-knowledge/articles').catch(() => undefined);
    await client.get('/production-knowledge/articles', undefined, { silent: true }).catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    expect((listener.mock.calls[0]?.[0] as ApiError).code).toBe('MODULE_NOT_SUBSCRIBED');
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const fake = fakeApi();
    const tokens = createMemoryTokenStore(login(0)); // access-0 is expired, access-1 is valid
    const client = createHttpClient({ tokens, fetch: fake.fetch });
    const refreshed = vi.fn();
    client.onTokensRefreshed(refreshed);

    const result = await client.get<{ ok: boolean }>('/auth/me');

    expect(result.ok).toBe(true);
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/auth/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/auth/me',
    ]);
    expect(fake.calls[1]?.body).toEqual({ refreshToken: 'refresh-0' });
    expect(bearer(fake.calls[2]!)).toBe('Bearer access-1');
    expect(tokens.get()).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(refreshed).toHaveBeenCalledTimes(1);
  });

  it('shares one refresh among concurrent 401s (the refresh token rotates)', async () => {
    const gate = deferred<undefined>();
    const fake = fakeApi({ refreshGate: gate.promise });
    const client = createHttpClient({ tokens: createMemoryTokenStore(login(0)), fetch: fake.fetch });

    const pending = Promise.all([client.get('/a'), client.get('/b'), client.get('/c')]);
    await vi.waitFor(() => {
      expect(fake.calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    });
    // A request started while the refresh is under way waits for it instead of failing first.
    const late = client.get('/d');
    gate.resolve(undefined);
    const results = await Promise.all([pending, late]);

    expect(results.flat()).toHaveLength(4);
    expect(fake.calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    const retried = fake.calls.filter(
      (c) => !c.url.endsWith('/auth/refresh') && bearer(c) === 'Bearer access-1',
    );
    expect(retried.map((c) => c.url).sort()).toEqual(['/api/v1/a', '/api/v1/b', '/api/v1/c', '/api/v1/d']);
    expect(fake.calls.filter((c) => c.url === '/api/v1/d')).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused', async () => {
    const fake = fakeApi({ refreshStatus: 401 });
    const tokens = createMemoryTokenStore(login(0));
    const client = createHttpClient({ tokens, fetch: fake.fetch });
    const expired = vi.fn();
    client.onSessionExpired(expired);

    const results = await Promise.allSettled([client.get('/a'), client.get('/b')]);

    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(tokens.get()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
    expect(fake.calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('retries only once: a second 401 is the answer', async () => {
    let refreshes = 0;
    const fake = createFakeFetch((call) => {
      if (call.url.endsWith('/auth/refresh')) {
        refreshes += 1;
        return jsonResponse(200, login(refreshes));
      }
      return jsonResponse(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'nope' });
    });
    const client = createHttpClient({ tokens: createMemoryTokenStore(login(0)), fetch: fake.fetch });
    await expect(client.get('/a')).rejects.toMatchObject({ status: 401 });
    expect(refreshes).toBe(1);
    expect(fake.calls).toHaveLength(3);
  });

  it('does not refresh for calls without auth (a wrong password is not an expired token)', async () => {
    const fake = createFakeFetch(() =>
      jsonResponse(401, {
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: '邮箱或密码错误 / wrong email or password',
      }),
    );
    const tokens = createMemoryTokenStore(login(0));
    const client = createHttpClient({ tokens, fetch: fake.fetch });
    await expect(
      client.post('/auth/login', { email: 'a@b.c', password: 'x' }, { auth: false }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.headers['authorization']).toBeUndefined();
    expect(tokens.get()).not.toBeNull();
  });

  it('puts a fresh token in EventSource URLs', async () => {
    const fake = fakeApi();
    const exp = Math.floor(Date.now() / 1000) - 10;
    const expiredJwt = `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, '')}.s`;
    const tokens = createMemoryTokenStore({ accessToken: expiredJwt, refreshToken: 'refresh-0' });
    const client = createHttpClient({ tokens, fetch: fake.fetch });
    await expect(client.eventSourceUrl('/jobs/j1/events')).resolves.toBe(
      '/api/v1/jobs/j1/events?access_token=access-1',
    );
  });
});
