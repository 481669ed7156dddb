import { Injectable, Logger } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { DataSource, type EntityManager } from 'typeorm';
import type { AfterCommitHook } from './request-context';

/**
 * The way every service reaches the database. Inside a request or job it hands out the transaction
 * whose first statement set `app.tenant_id`, so PostgreSQL's row-level security confines every query
 * — filtered or not — to that tenant. Outside one it hands out the pool, where RLS shows no tenant rows.
 */
@Injectable()
export class TenantDb {
  private readonly logger = new Logger('TenantDb');

  constructor(
    private readonly cls: ClsService,
    private readonly dataSource: DataSource,
  ) {}

  get manager(): EntityManager {
    return (
      (this.cls.isActive() ? this.cls.get<EntityManager | undefined>('tx') : undefined) ??
      this.dataSource.manager
    );
  }

  get currentTenantId(): string | undefined {
    return this.cls.isActive() ? this.cls.get<string | undefined>('tenantId') : undefined;
  }

  /** Runs `work` in one transaction scoped to `tenantId`; nested calls for the same tenant join it. */
  async runInTenant<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const existing = this.cls.isActive() ? this.cls.get<EntityManager | undefined>('tx') : undefined;
    if (existing && this.cls.get<string | undefined>('tenantId') === tenantId) return work(existing);
    const body = async () => {
      const hooks: AfterCommitHook[] = [];
      const result = await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        this.cls.set('tx', manager);
        this.cls.set('tenantId', tenantId);
        this.cls.set('afterCommit', hooks);
        return work(manager);
      });
      this.cls.set('tx', undefined);
      for (const hook of hooks) {
        try {
          await hook();
        } catch (error) {
          this.logger.error(
            `after-commit hook failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return result;
    };
    return this.cls.isActive() ? this.cls.run({ ifNested: 'inherit' }, body) : this.cls.run(body);
  }

  /**
   * Runs `hook` once the current transaction has committed (cache invalidation, queueing a job that
   * must see the committed rows); at once when there is no transaction. Never runs after a rollback.
   */
  async afterCommit(hook: AfterCommitHook): Promise<void> {
    const hooks =
      this.cls.isActive() && this.cls.get<EntityManager | undefined>('tx')
        ? this.cls.get<AfterCommitHook[] | undefined>('afterCommit')
        : undefined;
    if (hooks) hooks.push(hook);
    else await hook();
  }
}
