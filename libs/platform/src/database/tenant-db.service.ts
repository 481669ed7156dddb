import { Injectable, Logger } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource, QueryFailedError, type EntityManager, type QueryRunner } from 'typeorm';
import type { AfterCommitHook } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
      const result = await this.transaction(tenantId, async (manager) => {
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
   * `manager.query(text, params)` as a named prepared statement on the current transaction's
   * connection: parsed and planned once per connection instead of on every call (TypeORM's query()
   * cannot name statements). For the few statements every request of a hot path runs; `name` must be
   * unique to `text`. Same result shape as query() (UPDATE/DELETE: [rows, rowCount]) and the same
   * QueryFailedError on failure. Outside a transaction it is query().
   */
  async prepared<T = unknown>(name: string, text: string, params: unknown[]): Promise<T> {
    const manager = this.manager;
    const runner = manager.queryRunner;
    // PostgresQueryRunner's pg client, there once the transaction has started
    const client =
      runner?.isTransactionActive && !runner.isReleased
        ? (runner as { databaseConnection?: PoolClient }).databaseConnection
        : undefined;
    if (!client) return manager.query<T>(text, params);
    let raw: QueryResult;
    try {
      raw = await client.query({ name, text, values: params });
    } catch (error) {
      throw new QueryFailedError(text, params, error as Error);
    }
    return (raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows) as T;
  }

  /**
   * DataSource.transaction() (EntityManager.transaction: a query runner of its own, start, work, commit,
   * rollback on failure, release) whose first statement sets `app.tenant_id`. START TRANSACTION and
   * set_config go to the server as one simple-protocol query — one round trip instead of two, on every
   * tenant request — with the tenant id inlined only once it is a canonical uuid; anything else (and a
   * configured isolation level) takes TypeORM's own startTransaction() and a bound parameter.
   */
  /**
   * A short transaction of its own in `tenantId`, committed whatever becomes of the caller's: for a
   * job's status marks ('running', 'failed') that must survive the job's own transaction.
   */
  ownTransaction<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transaction(tenantId, work);
  }

  private async transaction<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      if (UUID.test(tenantId) && !this.dataSource.options.isolationLevel) {
        // What PostgresQueryRunner.startTransaction() does at depth 0, with the set_config folded in.
        const runner = queryRunner as unknown as Pick<QueryRunner, 'broadcaster' | 'query'> & {
          isTransactionActive: boolean;
          transactionDepth: number;
        };
        runner.isTransactionActive = true;
        try {
          await runner.broadcaster.broadcast('BeforeTransactionStart');
        } catch (error) {
          runner.isTransactionActive = false;
          throw error;
        }
        await runner.query(`START TRANSACTION; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
        runner.transactionDepth += 1;
        await runner.broadcaster.broadcast('AfterTransactionStart');
      } else {
        await queryRunner.startTransaction();
        await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      }
      const result = await work(queryRunner.manager);
      await queryRunner.commitTransaction();
      return result;
    } catch (error) {
      try {
        // the original error is thrown even if the rollback fails
        await queryRunner.rollbackTransaction();
      } catch {
        // ignored, as EntityManager.transaction() does
      }
      throw error;
    } finally {
      await queryRunner.release();
    }
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
