import { Injectable } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { newId } from '@mes/shared';
import { TenantDb } from '../database/tenant-db.service';
import { JobRunEntity } from './job-run.entity';
import { JobQueues } from './job-queues.service';

export interface SubmitJob {
  tenantId: string;
  userId: string | null;
  queue: string;
  name: string;
  data?: Record<string, unknown>;
  /** A stable id makes re-submission idempotent (the same job is returned). */
  jobId?: string;
  options?: JobsOptions;
}

/** Records the job under the tenant (RLS) and queues it once that record has committed. */
@Injectable()
export class JobSubmitter {
  constructor(
    private readonly db: TenantDb,
    private readonly queues: JobQueues,
  ) {}

  async submit(job: SubmitJob): Promise<string> {
    const id = job.jobId ?? newId();
    await this.db.runInTenant(job.tenantId, async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(JobRunEntity)
        .values({ tenantId: job.tenantId, id, queue: job.queue, name: job.name, createdBy: job.userId })
        .orIgnore()
        .execute();
      await this.db.afterCommit(async () => {
        await this.queues
          .queue(job.queue)
          .add(
            job.name,
            { ...job.data, tenantId: job.tenantId, userId: job.userId },
            { ...job.options, jobId: id },
          );
      });
    });
    return id;
  }
}
