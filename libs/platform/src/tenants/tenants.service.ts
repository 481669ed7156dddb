import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ErrorCode, Role, newId, type TenantStatus, type TenantView } from '@mes/shared';
import { MembershipEntity } from '../auth/membership.entity';
import { PasswordService } from '../auth/password.service';
import { UserEntity } from '../auth/user.entity';
import { SubscriptionsService } from '../catalog/subscriptions.service';
import { TenantAccessCache } from '../catalog/tenant-access-cache.service';
import { ConflictError, NotFoundError } from '../errors/domain-error';
import type { CreateTenantDto } from './tenant.dto';
import { TenantEntity } from './tenant.entity';
import { TENANT_CREATED_HOOK, type TenantCreatedHook } from './tenant-created.hook';

export function toTenantView(t: TenantEntity): TenantView {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    industry: t.industry,
    status: t.status,
    timeZone: t.timeZone,
    createdAt: t.createdAt.toISOString(),
  };
}

/** Platform operators' tenant administration. */
@Injectable()
export class TenantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly subscriptions: SubscriptionsService,
    private readonly access: TenantAccessCache,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  private hooks(): TenantCreatedHook[] {
    return this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && this.reflector.get<boolean>(TENANT_CREATED_HOOK, w.metatype))
      .map((w) => w.instance as TenantCreatedHook);
  }

  /** Creates the tenant, its admin (or adds an existing user as admin) and its always-on modules. */
  async create(dto: CreateTenantDto, actorUserId: string | null): Promise<TenantView> {
    const passwordHash = await this.passwords.hash(dto.adminPassword);
    return this.dataSource.transaction(async (m) => {
      if (await m.existsBy(TenantEntity, { slug: dto.slug })) {
        throw new ConflictError(
          ErrorCode.DUPLICATE_CODE,
          `租户编码 ${dto.slug} 已存在 / slug already exists`,
          [{ field: 'slug', message: 'already exists' }],
        );
      }
      const tenant = m.create(TenantEntity, {
        id: newId(),
        slug: dto.slug,
        name: dto.name,
        industry: dto.industry ?? null,
        status: 'active',
        timeZone: 'Asia/Shanghai',
        createdAt: new Date(),
        suspendedAt: null,
      });
      await m.insert(TenantEntity, tenant);
      let user = await m
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email: dto.adminEmail })
        .getOne();
      if (!user) {
        user = m.create(UserEntity, {
          id: newId(),
          email: dto.adminEmail.toLowerCase(),
          name: dto.adminEmail.split('@')[0] ?? dto.adminEmail,
          passwordHash,
          platformRoles: [],
          locale: 'zh-CN',
        });
        await m.insert(UserEntity, user);
      }
      await m.insert(MembershipEntity, { tenantId: tenant.id, userId: user.id, roles: [Role.TENANT_ADMIN] });
      await this.subscriptions.activateAlwaysOn(m, tenant.id, actorUserId);
      await m.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      for (const hook of this.hooks()) await hook.onTenantCreated(tenant.id, m);
      return toTenantView(tenant);
    });
  }

  /** Adds a user (created when the email is new) to a tenant with the given roles. */
  async addMember(
    tenantId: string,
    member: { email: string; name: string; password: string; roles: Role[] },
  ): Promise<string> {
    const passwordHash = await this.passwords.hash(member.password);
    return this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(TenantEntity, { id: tenantId }))) throw new NotFoundError('租户');
      let user = await m
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email: member.email })
        .getOne();
      if (!user) {
        user = m.create(UserEntity, {
          id: newId(),
          email: member.email.toLowerCase(),
          name: member.name,
          passwordHash,
          platformRoles: [],
          locale: 'zh-CN',
        });
        await m.insert(UserEntity, user);
      }
      await m
        .createQueryBuilder()
        .insert()
        .into(MembershipEntity)
        .values({ tenantId, userId: user.id, roles: member.roles })
        .orUpdate(['roles'], ['tenant_id', 'user_id'])
        .execute();
      return user.id;
    });
  }

  async list(page: number, pageSize: number): Promise<{ items: TenantView[]; total: number }> {
    const [rows, total] = await this.dataSource.manager.findAndCount(TenantEntity, {
      order: { createdAt: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toTenantView), total };
  }

  async get(id: string): Promise<TenantView> {
    const tenant = await this.dataSource.manager.findOneBy(TenantEntity, { id });
    if (!tenant) throw new NotFoundError('租户');
    return toTenantView(tenant);
  }

  /** Suspending takes effect on the tenant's next request: its users get 403 TENANT_SUSPENDED. */
  async setStatus(id: string, status: TenantStatus): Promise<TenantView> {
    const result = await this.dataSource.manager.update(
      TenantEntity,
      { id },
      { status, suspendedAt: status === 'suspended' ? new Date() : null },
    );
    if (!result.affected) throw new NotFoundError('租户');
    await this.access.invalidate(id);
    return this.get(id);
  }
}
