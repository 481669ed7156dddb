import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { LoginResponse, MeResponse } from '@mes/shared';
import { createFakeFetch, jsonResponse, type FakeCall } from '../testing/fake-fetch';
import { createHttpClient } from '../http/http-client';
import { createMemoryTokenStore, type TokenStore } from '../http/token-store';
import { defineAuthStore } from './auth.store';

const tenants = [
  { id: 't1', slug: 'demo', name: '演示工厂', roles: ['contractor' as const] },
  { id: 't2', slug: 'demo2', name: '演示工厂二', roles: ['contractor' as const] },
];
const user = { id: 'u1', email: 'contractor@demo.test', name: '实施顾问' };

function loginResponse(slug: string, n: number): LoginResponse {
  const tenant = tenants.find((t) => t.slug === slug) ?? null;
  return {
    accessToken: `access-${slug}-${n}`,
    refreshToken: `refresh-${slug}-${n}`,
    user,
    tenant: tenant && { id: tenant.id, slug: tenant.slug, name: tenant.name },
    tenants,
  };
}

function me(slug: string, modules: string[]): MeResponse {
  const tenant = tenants.find((t) => t.slug === slug);
  return {
    user,
    tenant: tenant ? { id: tenant.id, slug: tenant.slug, name: tenant.name } : null,
    roles: ['contractor'],
    permissions: ['subscriptions:write', 'catalog:read'],
    modules,
    tenants,
  };
}

describe('auth store', () => {
  let tokens: TokenStore;
  let calls: FakeCall[];
  let useAuth: ReturnType<typeof defineAuthStore>;
  let refreshStatus = 200;

  beforeEach(() => {
    setActivePinia(createPinia());
    tokens = createMemoryTokenStore();
    refreshStatus = 200;
    let currentSlug = 'demo';
    const fake = createFakeFetch((call) => {
      const body = call.body as Record<string, string> | undefined;
      switch (`${call.method} ${call.url}`) {
        case 'POST /api/v1/auth/login':
          if (body?.['password'] !== 'Contractor#2026') {
            return jsonResponse(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'wrong' });
          }
          currentSlug = body['tenant'] ?? 'demo';
          return jsonResponse(200, loginResponse(currentSlug, 1));
        case 'POST /api/v1/auth/switch-tenant':
          currentSlug = body?.['tenant'] ?? '';
          return jsonResponse(200, loginResponse(currentSlug, 2));
        case 'POST /api/v1/auth/refresh':
          return refreshStatus === 200
            ? jsonResponse(200, loginResponse(currentSlug, 3))
            : jsonResponse(refreshStatus, { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: 'no' });
        case 'GET /api/v1/auth/me':
          if (call.headers['authorization'] === 'Bearer expired') {
            return jsonResponse(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'expired' });
          }
          return jsonResponse(
            200,
            me(
              currentSlug,
              currentSlug === 'demo' ? ['master-data', 'production-knowledge'] : ['master-data'],
            ),
          );
        case 'POST /api/v1/auth/logout':
          return new Response(null, { status: 204 });
        default:
          return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: call.url });
      }
    });
    calls = fake.calls;
    useAuth = defineAuthStore({ http: createHttpClient({ tokens, fetch: fake.fetch }), tokens });
  });

  it('logs in: tokens stored, /auth/me loaded', async () => {
    const auth = useAuth();
    expect(auth.isAuthenticated).toBe(false);

    await auth.login({ email: ' contractor@demo.test ', password: 'Contractor#2026', tenant: '' });

    expect(calls[0]?.body).toEqual({ email: 'contractor@demo.test', password: 'Contractor#2026' });
    expect(tokens.get()).toEqual({ accessToken: 'access-demo-1', refreshToken: 'refresh-demo-1' });
    expect(auth.isAuthenticated).toBe(true);
    expect(auth.loaded).toBe(true);
    expect(auth.tenant?.slug).toBe('demo');
    expect(auth.isPlatform).toBe(false);
    expect(auth.canSwitchTenant).toBe(true);
    expect(auth.hasModule('production-knowledge')).toBe(true);
    expect(auth.can('subscriptions:write')).toBe(true);
    expect(auth.can('platform.tenants:read')).toBe(false);
  });

  it('keeps nothing after a failed login', async () => {
    const auth = useAuth();
    await expect(auth.login({ email: 'contractor@demo.test', password: 'x' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(tokens.get()).toBeNull();
    expect(auth.isAuthenticated).toBe(false);
  });

  it('switches tenant: new tokens, modules of the other tenant', async () => {
    const auth = useAuth();
    await auth.login({ email: 'contractor@demo.test', password: 'Contractor#2026' });
    await auth.switchTenant('demo2');

    expect(calls.find((c) => c.url.endsWith('/auth/switch-tenant'))?.body).toEqual({ tenant: 'demo2' });
    expect(tokens.get()?.accessToken).toBe('access-demo2-2');
    expect(auth.tenant?.slug).toBe('demo2');
    expect(auth.modules).toEqual(['master-data']);
    expect(auth.hasModule('production-knowledge')).toBe(false);
  });

  it('logs out: the server revokes the refresh token, the state is cleared', async () => {
    const auth = useAuth();
    await auth.login({ email: 'contractor@demo.test', password: 'Contractor#2026' });
    await auth.logout();

    const logout = calls.find((c) => c.url.endsWith('/auth/logout'));
    expect(logout?.body).toEqual({ refreshToken: 'refresh-demo-1' });
    expect(tokens.get()).toBeNull();
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.user).toBeNull();
    expect(auth.modules).toEqual([]);
  });

  it('loads /auth/me once for concurrent guards', async () => {
    tokens.set({ accessToken: 'access-demo-1', refreshToken: 'refresh-demo-1' });
    const auth = useAuth();
    expect(auth.isAuthenticated).toBe(true);
    const results = await Promise.all([auth.ensureLoaded(), auth.ensureLoaded(), auth.ensureLoaded()]);
    expect(results).toEqual([true, true, true]);
    expect(calls.filter((c) => c.url.endsWith('/auth/me'))).toHaveLength(1);
    expect(auth.user?.email).toBe('contractor@demo.test');
  });

  it('is signed out when the refresh token is refused', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-demo-0' });
    refreshStatus = 401;
    const auth = useAuth();
    await expect(auth.ensureLoaded()).rejects.toMatchObject({ status: 401 });
    expect(tokens.get()).toBeNull();
    expect(auth.isAuthenticated).toBe(false);
  });

  it('refreshes an expired access token transparently', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-demo-0' });
    const auth = useAuth();
    await expect(auth.ensureLoaded()).resolves.toBe(true);
    expect(tokens.get()?.accessToken).toBe('access-demo-3');
    expect(auth.tenants).toHaveLength(2);
  });
});
