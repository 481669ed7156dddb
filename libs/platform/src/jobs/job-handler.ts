import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';

/** Every tenant job's payload carries its tenant; the worker re-enters that tenant's context. */
export interface TenantJobData {
  tenantId: string;
  userId: string | null;
  [key: string]: unknown;
}

export interface TenantJobContext {
  tenantId: string;
  userId: string | null;
  /** The job's transaction, with app.tenant_id set: results are written all or nothing. */
  manager: EntityManager;
}

/** A processor for one job name on one queue. Provided only in the worker process. */
export interface TenantJobHandler<TData extends TenantJobData = TenantJobData, TResult = unknown> {
  handle(job: Job<TData, TResult>, ctx: TenantJobContext): Promise<TResult>;
}

export const JOB_HANDLER_KEY = 'mes:job-handler';

export interface JobHandlerMeta {
  queue: string;
  name: string;
}

export const JobHandler = (queue: string, name: string): ClassDecorator =>
  SetMetadata(JOB_HANDLER_KEY, { queue, name } satisfies JobHandlerMeta);
