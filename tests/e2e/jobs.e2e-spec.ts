import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Job } from 'bullmq';
import {
  JobHandler,
  JobSubmitter,
  JobWorkerHost,
  PlatformCoreModule,
  TenantsService,
  type ModuleDefinition,
  type TenantJobContext,
  type TenantJobData,
  type TenantJobHandler,
} from '@mes/platform';
import type { JobView, LoginResponse } from '@mes/shared';
import { MODULES } from '../../apps/api/src/modules.registry';
import { bearer, startTestApp, type TestApp } from './support/test-app';

interface ProbeData extends TenantJobData {
  failFirst?: boolean;
  stepMs?: number;
}
interface ProbeResult {
  tenantSetting: string;
  visibleTenants: string[];
  attempt: number;
}

/** A test job: reports progress, fails its first attempt when asked, reads rows with no tenant filter. */
@Injectable()
@JobHandler('e2e-probe', 'probe')
class ProbeHandler implements TenantJobHandler<ProbeData, ProbeResult> {
  async handle(job: Job<ProbeData, ProbeResult>, ctx: TenantJobContext): Promise<ProbeResult> {
    for (const pct of [25, 50, 75]) {
      await job.updateProgress(pct);
      await new Promise((r) => setTimeout(r, job.data.stepMs ?? 0));
    }
    if (job.data.failFirst && job.attemptsMade === 0) throw new Error('transient failure, retry me');
    const [setting] = await ctx.manager.query<{ t: string }[]>(
      `SELECT current_setting('app.tenant_id') AS t`,
    );
    const rows = await ctx.manager.query<{ tenant_id: string }[]>(
      `SELECT DISTINCT tenant_id FROM audit_events`,
    );
    await job.updateProgress(100);
    return {
      tenantSetting: setting!.t,
      visibleTenants: rows.map((r) => r.tenant_id),
      attempt: job.attemptsMade + 1,
    };
  }
}

@Module({ providers: [ProbeHandler] })
class ProbeWorkerModule {}

const probeModule: ModuleDefinition = {
  manifest: {
    key: 'reports',
    nameZh: '智能报表',
    nameEn: 'Reports',
    dependsOn: [],
    permissions: {},
    menu: [],
    meters: [],
  },
  apiModule: ProbeWorkerModule,
  workerModule: ProbeWorkerModule,
  entities: [],
  migrations: [],
  queues: [
    {
      name: 'e2e-probe',
      moduleKey: 'production-knowledge',
      defaultJobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 200 } },
    },
  ],
};

describe('jobs: progress, retries with backoff, tenant context, entitlement', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    const definitions = [...MODULES, probeModule];
    t = await startTestApp(definitions);
    @Module({ imports: [PlatformCoreModule.forRoot(definitions), ProbeWorkerModule] })
    class TestWorkerModule {}
    worker = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
    expect(worker.get(JobWorkerHost).start()).toEqual(['e2e-probe']);
    const tenants = t.app.get(TenantsService);
    for (const name of ['ja', 'jb']) {
      await tenants.create(
        {
          slug: `${name}-${suffix}`,
          name,
          adminEmail: `${name}-${suffix}@x.test`,
          adminPassword: 'Password#1',
        },
        null,
      );
    }
    a = await t.login({ email: `ja-${suffix}@x.test`, password: 'Password#1' });
    b = await t.login({ email: `jb-${suffix}@x.test`, password: 'Password#1' });
    for (const s of [a, b]) {
      await t
        .http()
        .post('/api/v1/subscriptions')
        .set(bearer(s.accessToken))
        .send({ moduleKey: 'production-knowledge' })
        .expect(201);
    }
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const submit = (s: LoginResponse, data: Partial<ProbeData>) =>
    t.app
      .get(JobSubmitter)
      .submit({ tenantId: s.tenant!.id, userId: s.user.id, queue: 'e2e-probe', name: 'probe', data });

  async function waitFinal(s: LoginResponse, id: string): Promise<JobView> {
    for (let i = 0; i < 100; i++) {
      const view = (await t.http().get(`/api/v1/jobs/${id}`).set(bearer(s.accessToken)).expect(200))
        .body as JobView;
      if (view.state === 'completed' || view.state === 'failed') return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  it("retries a failed attempt with backoff and runs in the submitting tenant's context only", async () => {
    const id = await submit(a, { failFirst: true });
    const view = await waitFinal(a, id);
    expect(view).toMatchObject({
      state: 'completed',
      progress: 100,
      attemptsMade: 2,
      queue: 'e2e-probe',
      name: 'probe',
    });
    const result = view.result as ProbeResult;
    expect(result.tenantSetting).toBe(a.tenant!.id);
    expect(result.attempt).toBe(2);
    // Both tenants have audit rows (their subscriptions); the job sees only its own.
    expect(result.visibleTenants).toEqual([a.tenant!.id]);
  });

  it('hides a job from another tenant (404)', async () => {
    const id = await submit(a, {});
    await waitFinal(a, id);
    await t.http().get(`/api/v1/jobs/${id}`).set(bearer(b.accessToken)).expect(404);
    await t.http().get(`/api/v1/jobs/${id}/events?access_token=${b.accessToken}`).expect(404);
  });

  it('streams progress over SSE until the job completes', async () => {
    const id = await submit(b, { stepMs: 150 });
    const res = await t
      .http()
      .get(`/api/v1/jobs/${id}/events?access_token=${b.accessToken}`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => {
          done(null, text);
        });
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    const events = (res.body as string)
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as JobView);
    expect(events.at(-1)).toMatchObject({ state: 'completed', progress: 100 });
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(new Set(progress).size).toBeGreaterThan(2);
  });

  it('refuses to run a module job for a tenant that no longer subscribes, without retrying', async () => {
    await t
      .http()
      .delete('/api/v1/subscriptions/production-knowledge')
      .set(bearer(b.accessToken))
      .expect(204);
    const id = await submit(b, {});
    const view = await waitFinal(b, id);
    expect(view).toMatchObject({ state: 'failed', attemptsMade: 1 });
    expect(view.failedReason).toMatch(/MODULE_NOT_SUBSCRIBED/);
  });
});
