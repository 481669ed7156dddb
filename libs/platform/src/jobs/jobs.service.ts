import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Observable } from 'rxjs';
import type { JobState, JobView } from '@mes/shared';
import { TenantDb } from '../database/tenant-db.service';
import { NotFoundError } from '../errors/domain-error';
import { JobRunEntity } from './job-run.entity';
import { JobQueues } from './job-queues.service';

const FINAL: JobState[] = ['completed', 'failed'];
const KNOWN: string[] = ['waiting', 'active', 'completed', 'failed', 'delayed'];

function stateOf(raw: string): JobState {
  if (KNOWN.includes(raw)) return raw as JobState;
  return raw === 'prioritized' || raw === 'waiting-children' ? 'waiting' : 'unknown';
}

function progressOf(job: Job | undefined): number {
  const p: unknown = job?.progress;
  return typeof p === 'number' ? p : typeof p === 'object' && p && 'percent' in p ? Number(p.percent) : 0;
}

/** Job status for the tenant that submitted it; another tenant's job id is 404 (row-level security). */
@Injectable()
export class JobsService {
  constructor(
    private readonly db: TenantDb,
    private readonly queues: JobQueues,
  ) {}

  async view(tenantId: string, id: string): Promise<JobView> {
    const run = await this.db.runInTenant(tenantId, (m) => m.findOneBy(JobRunEntity, { id }));
    if (!run) throw new NotFoundError('任务 / job');
    return this.toView(run);
  }

  private async toView(run: JobRunEntity): Promise<JobView> {
    // State first, then the job: a job seen in a final state is read after it got there, so its
    // attempts, result and reason are final too (the other order can pair 'failed' with stale fields).
    const queue = this.queues.queue(run.queue);
    const state = await queue.getJobState(run.id);
    const job = await queue.getJob(run.id);
    return {
      id: run.id,
      queue: run.queue,
      name: run.name,
      state: stateOf(job ? state : 'unknown'),
      progress: progressOf(job),
      attemptsMade: job?.attemptsMade ?? 0,
      result: job?.returnvalue ?? null,
      failedReason: job?.failedReason ?? null,
      createdAt: run.createdAt.toISOString(),
    };
  }

  /** The job's view now and after every progress or state change, until it completes or fails. */
  async stream(tenantId: string, id: string): Promise<Observable<JobView>> {
    const run = await this.db.runInTenant(tenantId, (m) => m.findOneBy(JobRunEntity, { id }));
    if (!run) throw new NotFoundError('任务 / job');
    const events = this.queues.queueEvents(run.queue);
    await events.waitUntilReady();
    return new Observable<JobView>((subscriber) => {
      const emit = async () => {
        const view = await this.toView(run);
        if (subscriber.closed) return;
        subscriber.next(view);
        if (FINAL.includes(view.state)) subscriber.complete();
      };
      const onEvent = (args: { jobId: string }) => {
        if (args.jobId === id)
          void emit().catch((e: unknown) => {
            subscriber.error(e);
          });
      };
      const names = ['progress', 'active', 'completed', 'failed', 'waiting', 'delayed'] as const;
      for (const name of names) events.on(name, onEvent);
      void emit().catch((e: unknown) => {
        subscriber.error(e);
      });
      return () => {
        for (const name of names) events.off(name, onEvent);
      };
    });
  }
}
