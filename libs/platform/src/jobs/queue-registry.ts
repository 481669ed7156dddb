import type { DefaultJobOptions } from 'bullmq';

export interface QueueDefinition {
  name: string;
  /** The module whose subscription the job needs (any one of several); null for platform jobs. */
  moduleKey: string | readonly string[] | null;
  defaultJobOptions?: DefaultJobOptions;
  concurrency?: number;
  /** BullMQ worker lock settings (default 30 s each): how soon a killed worker's job is picked up again. */
  workerOptions?: { lockDuration?: number; stalledInterval?: number };
}

export const QUEUE_DEFINITIONS = Symbol('QUEUE_DEFINITIONS');

/** Retries with exponential backoff; finished jobs kept long enough for the UI to show them. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 86400, count: 10_000 },
  removeOnFail: { age: 30 * 86400 },
};

/** Queues of the platform itself; modules add theirs in their manifests' queue lists. */
export const PLATFORM_QUEUES: QueueDefinition[] = [{ name: 'platform', moduleKey: null }];
