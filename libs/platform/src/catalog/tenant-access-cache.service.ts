import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { TenantStatus } from '@mes/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.tokens';
import { ALWAYS_ON_MODULES } from './module-manifest';

export interface TenantAccess {
  status: TenantStatus;
  modules: string[];
}

interface CachedAccess extends TenantAccess {
  generation: string;
}

const TTL_SECONDS = 300;

/**
 * What each request needs to know about its tenant — suspended or not, which modules are active —
 * cached in Redis, so the guards cost one MGET. A change bumps the tenant's generation after it
 * commits; an entry written from a read that raced the change carries the old generation and is ignored.
 */
@Injectable()
export class TenantAccessCache {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  private key(tenantId: string): string {
    return `${this.config.redisPrefix}:tenant-access:${tenantId}`;
  }

  private generationKey(tenantId: string): string {
    return `${this.config.redisPrefix}:tenant-access-gen:${tenantId}`;
  }

  /** null when the tenant does not exist. */
  async get(tenantId: string): Promise<TenantAccess | null> {
    const [cached, current] = await this.redis.mget(this.key(tenantId), this.generationKey(tenantId));
    const generation = current ?? '0';
    if (cached) {
      const entry = JSON.parse(cached) as CachedAccess;
      if (entry.generation === generation) return { status: entry.status, modules: entry.modules };
    }
    const tenant = await this.dataSource.query<{ status: TenantStatus }[]>(
      `SELECT status FROM platform.tenants WHERE id = $1`,
      [tenantId],
    );
    const status = tenant[0]?.status;
    if (!status) return null;
    const rows = await this.dataSource.query<{ module_key: string }[]>(
      `SELECT module_key FROM platform.subscriptions WHERE tenant_id = $1 AND status = 'active'`,
      [tenantId],
    );
    const modules = [...new Set([...ALWAYS_ON_MODULES, ...rows.map((r) => r.module_key)])].sort();
    const entry: CachedAccess = { status, modules, generation };
    await this.redis.set(this.key(tenantId), JSON.stringify(entry), 'EX', TTL_SECONDS);
    return { status, modules };
  }

  async invalidate(tenantId: string): Promise<void> {
    await this.redis.multi().incr(this.generationKey(tenantId)).del(this.key(tenantId)).exec();
  }
}
