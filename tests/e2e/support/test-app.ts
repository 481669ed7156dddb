import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TenantsService, type ModuleDefinition } from '@mes/platform';
import type { LoginResponse } from '@mes/shared';
import { createHttpApp } from '../../../apps/api/src/http-app';

export const DEMO = {
  operator: { email: 'operator@platform.test', password: 'Operator#2026' },
  admin: { email: 'admin@demo.test', password: 'Demo#2026' },
  contractor: { email: 'contractor@demo.test', password: 'Contractor#2026' },
  lead: { email: 'lead@demo.test', password: 'Lead#2026' },
} as const;

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  login: (who: { email: string; password: string }, tenant?: string) => Promise<LoginResponse>;
  close: () => Promise<void>;
}

/** The HTTP app exactly as main.ts builds it, on the run's own database and Redis prefix. */
export async function startTestApp(modules?: ModuleDefinition[]): Promise<TestApp> {
  const app = await createHttpApp({ logger: false, ...(modules ? { modules } : {}) });
  await app.init();
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  const http = () => request(server);
  const login = async (who: { email: string; password: string }, tenant?: string) => {
    const res = await http()
      .post('/api/v1/auth/login')
      .send({ ...who, ...(tenant ? { tenant } : {}) });
    if (res.status !== 200)
      throw new Error(`login ${who.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as LoginResponse;
  };
  return { app, http, login, close: () => app.close() };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Tenants of a suite's own, `<name>-<suffix>`, each with its admin `<name>-<suffix>@x.test` /
 * `Password#1`, created the way the operator API does; returns the admins' sessions in order.
 */
export async function freshTenants<const N extends readonly string[]>(
  t: TestApp,
  suffix: string,
  ...names: N
): Promise<{ [K in keyof N]: LoginResponse }> {
  const tenants = t.app.get(TenantsService);
  const sessions: LoginResponse[] = [];
  for (const name of names) {
    const slug = `${name}-${suffix}`;
    await tenants.create({ slug, name, adminEmail: `${slug}@x.test`, adminPassword: 'Password#1' }, null);
    sessions.push(await t.login({ email: `${slug}@x.test`, password: 'Password#1' }));
  }
  return sessions as { [K in keyof N]: LoginResponse };
}

/**
 * Calls under /api/v1 as a session: `post` (with an optional Idempotency-Key), `put`, `get`. Takes a
 * getter because suites start their app in `beforeAll`.
 */
export function sessionCalls(app: () => TestApp) {
  return {
    post: (s: LoginResponse, path: string, body?: object, key?: string) => {
      const req = app().http().post(`/api/v1${path}`).set(bearer(s.accessToken));
      return (key ? req.set('Idempotency-Key', key) : req).send(body);
    },
    put: (s: LoginResponse, path: string, body: object) =>
      app().http().put(`/api/v1${path}`).set(bearer(s.accessToken)).send(body),
    get: (s: LoginResponse, path: string) => app().http().get(`/api/v1${path}`).set(bearer(s.accessToken)),
  };
}
