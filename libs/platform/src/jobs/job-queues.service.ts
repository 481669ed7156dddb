import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS, QUEUE_DEFINITIONS, type QueueDefinition } from './queue-registry';

export function bullConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number(url.pathname.replace('/', '') || 0),
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** The queue registry: one BullMQ Queue (and, on demand, QueueEvents) per registered queue. */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();
  private readonly events = new Map<string, QueueEvents>();
  private readonly definitions: Map<string, QueueDefinition>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_DEFINITIONS) definitions: QueueDefinition[],
  ) {
    this.definitions = new Map(definitions.map((d) => [d.name, d]));
  }

  get connection(): ConnectionOptions {
    return bullConnection(this.config.redisUrl);
  }

  get prefix(): string {
    return this.config.redisPrefix;
  }

  definition(name: string): QueueDefinition | undefined {
    return this.definitions.get(name);
  }

  allDefinitions(): QueueDefinition[] {
    return [...this.definitions.values()];
  }

  queue(name: string): Queue {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`queue ${name} is not registered`);
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...definition.defaultJobOptions },
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * The state of a job a table row says is still queued or running, when BullMQ no longer has it or
   * has given up on it (e.g. a worker killed on the last attempt): `failed`, `completed` or `missing`;
   * null while it is alive. A row committed within `graceMs` whose job is missing is not lost yet
   * (the job is queued right after the commit).
   */
  async lostState(queue: string, jobId: string, createdAt: Date, graceMs = 60_000): Promise<string | null> {
    const job = await this.queue(queue).getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed' || state === 'completed') return state;
    if (state === 'missing' && Date.now() - createdAt.getTime() > graceMs) return state;
    return null;
  }

  queueEvents(name: string): QueueEvents {
    let events = this.events.get(name);
    if (!events) {
      events = new QueueEvents(name, { connection: this.connection, prefix: this.prefix });
      this.events.set(name, events);
    }
    return events;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.events.values()].map((e) => e.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
