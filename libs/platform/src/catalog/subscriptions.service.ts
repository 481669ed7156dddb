import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Dec, MONEY_SCALE, newId, type SubscriptionView } from '@mes/shared';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../database/request-context';
import { TenantDb } from '../database/tenant-db.service';
import { CatalogService } from './catalog.service';
import { ALWAYS_ON_MODULES } from './module-manifest';
import { SubscriptionEventEntity } from './subscription-event.entity';
import { SubscriptionEntity } from './subscription.entity';
import {
  AlreadySubscribedError,
  ModuleAlwaysOnError,
  ModuleDependencyMissingError,
  ModuleNotAvailableError,
  ModuleNotFoundError,
  ModuleRequiredByOthersError,
  SubscriptionNotFoundError,
} from './subscription.errors';
import { TenantAccessCache } from './tenant-access-cache.service';

export function toSubscriptionView(row: SubscriptionEntity): SubscriptionView {
  return {
    moduleKey: row.moduleKey,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    endsAt: row.endsAt ? row.endsAt.toISOString() : null,
    priceWan: row.priceWan ? row.priceWan.toFixed(MONEY_SCALE) : null,
  };
}

/**
 * Subscribe / unsubscribe with the dependency rules of API-CONTRACT.md. Changes of one tenant are
 * serialised by an advisory lock; each change appends a history event with the price of the day.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly catalog: CatalogService,
    private readonly cache: TenantAccessCache,
    private readonly audit: AuditService,
  ) {}

  async list(tenantId: string): Promise<SubscriptionView[]> {
    const rows = await this.db.runInTenant(tenantId, (m) =>
      m.find(SubscriptionEntity, { where: { tenantId }, order: { startedAt: 'DESC' } }),
    );
    return rows.map(toSubscriptionView);
  }

  private async lockAndLoadActive(m: EntityManager, tenantId: string): Promise<string[]> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 42))`, [tenantId]);
    const rows = await m.find(SubscriptionEntity, { where: { tenantId, status: 'active' } });
    return rows.map((r) => r.moduleKey);
  }

  async subscribe(
    actor: Actor & { tenantId: string },
    moduleKey: string,
    withDependencies = false,
  ): Promise<SubscriptionView[]> {
    const module = this.catalog.find(moduleKey);
    if (!module) throw new ModuleNotFoundError(moduleKey);
    if (module.alwaysOn) throw new ModuleAlwaysOnError(moduleKey);
    if (!module.available) throw new ModuleNotAvailableError(moduleKey);
    const tenantId = actor.tenantId;
    return this.db.runInTenant(tenantId, async (m) => {
      const active = await this.lockAndLoadActive(m, tenantId);
      if (active.includes(moduleKey)) throw new AlreadySubscribedError(moduleKey);
      const needed = this.catalog
        .withDependencies(moduleKey)
        .filter((k) => !active.includes(k) && !ALWAYS_ON_MODULES.includes(k));
      const missing = needed.filter((k) => k !== moduleKey);
      if (missing.length && !withDependencies) throw new ModuleDependencyMissingError(moduleKey, missing);
      for (const dep of missing) {
        if (!this.catalog.find(dep)?.available) throw new ModuleNotAvailableError(dep);
      }
      const created: SubscriptionEntity[] = [];
      for (const key of needed) created.push(await this.activate(m, actor, key));
      await this.db.afterCommit(() => this.cache.invalidate(tenantId));
      return created.map(toSubscriptionView);
    });
  }

  private async activate(
    m: EntityManager,
    actor: Actor & { tenantId: string },
    key: string,
  ): Promise<SubscriptionEntity> {
    const row = await this.insertSubscription(m, actor.tenantId, key, actor.userId);
    await this.audit.record(actor.tenantId, {
      action: 'subscription.subscribe',
      entity: 'module',
      entityId: key,
      actorUserId: actor.userId,
      data: { priceWan: row.priceWan?.toFixed(MONEY_SCALE) ?? null },
    });
    return row;
  }

  /** An active subscription at today's list price, and its history event. */
  private async insertSubscription(
    m: EntityManager,
    tenantId: string,
    key: string,
    actorUserId: string | null,
  ): Promise<SubscriptionEntity> {
    const module = this.catalog.find(key);
    if (!module) throw new ModuleNotFoundError(key);
    const price = module.priceWan === null ? null : new Dec(module.priceWan);
    const row = m.create(SubscriptionEntity, {
      tenantId,
      id: newId(),
      moduleKey: key,
      status: 'active',
      priceWan: price,
      pricing: module.pricing,
      startedAt: new Date(),
      endsAt: null,
      startedBy: actorUserId,
      endedBy: null,
    });
    await m.insert(SubscriptionEntity, row);
    await m.insert(SubscriptionEventEntity, {
      tenantId,
      id: newId(),
      subscriptionId: row.id,
      moduleKey: key,
      action: 'subscribe',
      priceWan: price,
      pricing: module.pricing,
      actorUserId,
      at: row.startedAt,
    });
    return row;
  }

  async unsubscribe(actor: Actor & { tenantId: string }, moduleKey: string): Promise<void> {
    const module = this.catalog.find(moduleKey);
    if (!module) throw new ModuleNotFoundError(moduleKey);
    if (module.alwaysOn) throw new ModuleAlwaysOnError(moduleKey);
    const tenantId = actor.tenantId;
    await this.db.runInTenant(tenantId, async (m) => {
      const active = await this.lockAndLoadActive(m, tenantId);
      if (!active.includes(moduleKey)) throw new SubscriptionNotFoundError(moduleKey);
      const dependents = this.catalog.dependentsOf(moduleKey, active);
      if (dependents.length) throw new ModuleRequiredByOthersError(moduleKey, dependents);
      const row = await m.findOneByOrFail(SubscriptionEntity, { tenantId, moduleKey, status: 'active' });
      const now = new Date();
      await m.update(
        SubscriptionEntity,
        { tenantId, id: row.id },
        { status: 'cancelled', endsAt: now, endedBy: actor.userId },
      );
      await m.insert(SubscriptionEventEntity, {
        tenantId,
        id: newId(),
        subscriptionId: row.id,
        moduleKey,
        action: 'unsubscribe',
        priceWan: row.priceWan,
        pricing: row.pricing,
        actorUserId: actor.userId,
        at: now,
      });
      await this.audit.record(tenantId, {
        action: 'subscription.unsubscribe',
        entity: 'module',
        entityId: moduleKey,
        actorUserId: actor.userId,
      });
      await this.db.afterCommit(() => this.cache.invalidate(tenantId));
    });
  }

  /** master-data and the other always-on modules, for a new tenant (price 0, kept in the history). */
  async activateAlwaysOn(m: EntityManager, tenantId: string, actorUserId: string | null): Promise<void> {
    for (const key of ALWAYS_ON_MODULES) await this.insertSubscription(m, tenantId, key, actorUserId);
  }
}
