import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { ModuleDefinition } from '@mes/platform';
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
