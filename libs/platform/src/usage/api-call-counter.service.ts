import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Dec } from '@mes/shared';
import { UsageMeter } from './usage-meter.service';

export const API_CALLS_METER = 'api.calls';
const FLUSH_INTERVAL_MS = 10_000;

interface PendingBatch {
  seq: number;
  counts: Map<string, number>;
}

/**
 * Counts API calls per tenant and module in memory (no insert on the hot path) and flushes them as
 * usage events every few seconds. Each flushed (batch, tenant, module) has its own idempotency key,
 * so a flush that fails half-way is retried without counting anything twice.
 */
@Injectable()
export class ApiCallCounter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ApiCallCounter');
  private readonly instance = randomUUID();
  private current = new Map<string, number>();
  private pending: PendingBatch[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly usage: UsageMeter) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  count(tenantId: string, moduleKey: string): void {
    const key = `${tenantId}|${moduleKey}`;
    this.current.set(key, (this.current.get(key) ?? 0) + 1);
  }

  /** Writes everything counted so far; concurrent callers share one flush. */
  flush(): Promise<void> {
    this.flushing ??= this.doFlush().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async doFlush(): Promise<void> {
    if (this.current.size) {
      this.pending.push({ seq: ++this.seq, counts: this.current });
      this.current = new Map();
    }
    for (const batch of [...this.pending]) {
      for (const [key, count] of [...batch.counts]) {
        const [tenantId = '', moduleKey = ''] = key.split('|');
        try {
          await this.usage.record(
            tenantId,
            API_CALLS_METER,
            new Dec(count),
            `api:${this.instance}:${batch.seq}:${moduleKey}`,
            {
              moduleKey,
            },
          );
          batch.counts.delete(key);
        } catch (error) {
          this.logger.warn(
            `API call usage flush failed, will retry: ${error instanceof Error ? error.message : String(error)}`,
          );
          return;
        }
      }
      this.pending = this.pending.filter((b) => b !== batch);
    }
  }
}
