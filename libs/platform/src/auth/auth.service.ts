import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  Role,
  type LoginResponse,
  type MeResponse,
  type TenantMembershipSummary,
} from '@mes/shared';
import { TenantAccessCache } from '../catalog/tenant-access-cache.service';
import type { Actor } from '../database/request-context';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { PermissionRegistry } from './permission-registry.service';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

interface MembershipRow extends TenantMembershipSummary {
  status: string;
}

const invalidCredentials = () =>
  new UnauthenticatedError(ErrorCode.INVALID_CREDENTIALS, '邮箱或密码错误 / wrong email or password');
const suspended = () =>
  new ForbiddenError(ErrorCode.TENANT_SUSPENDED, '该租户已停用，请联系平台运营 / this tenant is suspended');
const notMember = (slug: string) =>
  new ForbiddenError(ErrorCode.NOT_A_MEMBER, `您不是租户 ${slug} 的成员 / not a member of ${slug}`);

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly permissions: PermissionRegistry,
    private readonly access: TenantAccessCache,
  ) {}

  async login(
    email: string,
    password: string,
    tenantSlug: string | undefined,
    ip: string,
  ): Promise<LoginResponse> {
    await this.throttle.assertAllowed(email, ip);
    const user = await this.findUserByEmail(email);
    const ok = await this.passwords.verify(user && !user.disabledAt ? user.passwordHash : null, password);
    if (!user || !ok) {
      await this.throttle.recordFailure(email, ip);
      throw invalidCredentials();
    }
    await this.throttle.reset(email, ip);
    return this.dataSource.transaction((m) => this.startSession(m, user, tenantSlug));
  }

  async refresh(refreshToken: string): Promise<LoginResponse> {
    const result = await this.dataSource.transaction(async (m) => {
      const old = await this.tokens.consumeRefresh(m, refreshToken);
      if (!old) return null;
      const user = await m.findOneBy(UserEntity, { id: old.userId });
      if (!user || user.disabledAt) return null;
      const memberships = await this.memberships(m, user.id);
      const tenant = old.tenantId ? memberships.find((t) => t.id === old.tenantId) : null;
      if (old.tenantId && !tenant) return null;
      if (tenant?.status === 'suspended') return 'suspended' as const;
      const actor = this.actorFor(user, tenant ?? null);
      const issued = await this.tokens.issue(m, actor, old.familyId);
      await this.tokens.markReplaced(m, old.id, issued.refreshId);
      return this.response(user, tenant ?? null, memberships, issued);
    });
    if (result === 'suspended') throw suspended();
    if (!result)
      throw new UnauthenticatedError(
        ErrorCode.INVALID_REFRESH_TOKEN,
        '登录已失效，请重新登录 / refresh token is invalid',
      );
    return result;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.transaction((m) => this.tokens.revokeByToken(m, refreshToken));
  }

  async switchTenant(actor: Actor, tenantSlug: string): Promise<LoginResponse> {
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOneBy(UserEntity, { id: actor.userId });
      if (!user || user.disabledAt) throw new UnauthenticatedError();
      return this.startSession(m, user, tenantSlug);
    });
  }

  async me(actor: Actor): Promise<MeResponse> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: actor.userId });
    if (!user) throw new UnauthenticatedError();
    const memberships = await this.memberships(this.dataSource.manager, user.id);
    const tenant = actor.tenantId ? memberships.find((t) => t.id === actor.tenantId) : undefined;
    const modules = actor.tenantId ? ((await this.access.get(actor.tenantId))?.modules ?? []) : [];
    return {
      user: { id: user.id, email: user.email, name: user.name },
      tenant: tenant ? { id: tenant.id, slug: tenant.slug, name: tenant.name } : null,
      roles: actor.roles,
      permissions: this.permissions.permissionsOf(actor.roles),
      modules,
      tenants: memberships.map(({ id, slug, name, roles }) => ({ id, slug, name, roles })),
    };
  }

  private async startSession(
    m: EntityManager,
    user: UserEntity,
    tenantSlug: string | undefined,
  ): Promise<LoginResponse> {
    const memberships = await this.memberships(m, user.id);
    const isOperator = user.platformRoles.includes(Role.PLATFORM_OPERATOR);
    let tenant: MembershipRow | null = null;
    if (tenantSlug) {
      tenant = memberships.find((t) => t.slug === tenantSlug) ?? null;
      if (!tenant) throw notMember(tenantSlug);
      if (tenant.status === 'suspended') throw suspended();
    } else if (!isOperator) {
      if (!memberships.length)
        throw new ForbiddenError(ErrorCode.NOT_A_MEMBER, '您尚未加入任何租户 / you belong to no tenant');
      tenant = memberships.find((t) => t.status === 'active') ?? null;
      if (!tenant) throw suspended();
    }
    const issued = await this.tokens.issue(m, this.actorFor(user, tenant));
    return this.response(user, tenant, memberships, issued);
  }

  private actorFor(user: UserEntity, tenant: MembershipRow | null): Actor {
    return {
      userId: user.id,
      email: user.email,
      tenantId: tenant?.id ?? null,
      tenantSlug: tenant?.slug ?? null,
      roles: tenant ? tenant.roles : (user.platformRoles as Role[]),
    };
  }

  private response(
    user: UserEntity,
    tenant: MembershipRow | null,
    memberships: MembershipRow[],
    issued: { accessToken: string; refreshToken: string },
  ): LoginResponse {
    return {
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      user: { id: user.id, email: user.email, name: user.name },
      tenant: tenant ? { id: tenant.id, slug: tenant.slug, name: tenant.name } : null,
      tenants: memberships.map(({ id, slug, name, roles }) => ({ id, slug, name, roles })),
    };
  }

  private findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  private memberships(m: EntityManager, userId: string): Promise<MembershipRow[]> {
    return m.query<MembershipRow[]>(
      `SELECT t.id, t.slug, t.name, t.status, ms.roles
         FROM platform.memberships ms JOIN platform.tenants t ON t.id = ms.tenant_id
        WHERE ms.user_id = $1 ORDER BY ms.created_at, t.slug`,
      [userId],
    );
  }
}
