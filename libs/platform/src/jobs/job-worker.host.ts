import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { ClsService } from 'nestjs-cls';
import { isUuid } from '@mes/shared';
import { TenantAccessCache } from '../catalog/tenant-access-cache.service';
import { TenantDb } from '../database/tenant-db.service';
import {
  JOB_HANDLER_KEY,
  type JobHandlerMeta,
  type TenantJobData,
  type TenantJobHandler,
} from './job-handler';
import { JobQueues } from './job-queues.service';

/**
 * The worker process's side of the jobs: one BullMQ Worker per queue that has handlers. Each job
 * re-enters its tenant (CLS + a transaction with app.tenant_id) and is refused when the tenant is
 * suspended or no longer subscribes to the queue's module.
 */
@Injectable()
export class JobWorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger('JobWorkerHost');
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly queues: JobQueues,
    private readonly db: TenantDb,
    private readonly access: TenantAccessCache,
    private readonly cls: ClsService,
  ) {}

  private handlers(): Map<string, Map<string, TenantJobHandler>> {
    const byQueue = new Map<string, Map<string, TenantJobHandler>>();
    for (const wrapper of this.discovery.getProviders()) {
      const metatype = wrapper.metatype;
      const instance: unknown = wrapper.instance;
      if (!metatype || !instance) continue;
      const meta = this.reflector.get<JobHandlerMeta | undefined>(JOB_HANDLER_KEY, metatype);
      if (!meta) continue;
      const names = byQueue.get(meta.queue) ?? new Map<string, TenantJobHandler>();
      names.set(meta.name, instance as TenantJobHandler);
      byQueue.set(meta.queue, names);
    }
    return byQueue;
  }

  /** Starts the workers; returns the queue names served. */
  start(): string[] {
    const served: string[] = [];
    for (const [queueName, names] of this.handlers()) {
      const definition = this.queues.definition(queueName);
      if (!definition) throw new Error(`job handler for unregistered queue ${queueName}`);
      const worker = new Worker(queueName, (job: Job<TenantJobData>) => this.run(job, names), {
        connection: this.queues.connection,
        prefix: this.queues.prefix,
        concurrency: definition.concurrency ?? 2,
        ...definition.workerOptions,
      });
      worker.on('failed', (job, error) => {
        this.logger.warn(`job ${queueName}/${job?.id ?? '?'} failed: ${error.message}`);
      });
      this.workers.push(worker);
      served.push(queueName);
    }
    return served;
  }

  private async run(job: Job<TenantJobData>, names: Map<string, TenantJobHandler>): Promise<unknown> {
    const handler = names.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.queueName}/${job.name}`);
    const { tenantId, userId } = job.data;
    if (!isUuid(tenantId)) throw new UnrecoverableError('job payload has no tenantId');
    const access = await this.access.get(tenantId);
    if (!access || access.status !== 'active') throw new UnrecoverableError('tenant is missing or suspended');
    const moduleKey = this.queues.definition(job.queueName)?.moduleKey ?? null;
    const keys = moduleKey === null ? [] : typeof moduleKey === 'string' ? [moduleKey] : moduleKey;
    if (keys.length > 0 && !keys.some((key) => access.modules.includes(key))) {
      throw new UnrecoverableError(`MODULE_NOT_SUBSCRIBED: ${keys.join(' | ')}`);
    }
    return this.cls.run(() =>
      this.db.runInTenant(tenantId, (manager) =>
        handler.handle(job, { tenantId, userId: userId ?? null, manager }),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
