import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { ErrorCode } from '@mes/shared';
import { TenantAccessCache } from '../catalog/tenant-access-cache.service';
import type { Actor } from '../database/request-context';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import { PUBLIC_KEY } from './access.decorators';
import type { RequestWithActor } from './current-actor.decorator';
import { TokenService } from './token.service';

export const QUERY_TOKEN_KEY = 'mes:query-token';

/**
 * First global guard: decodes the bearer token into the request's Actor and refuses suspended
 * tenants. EventSource cannot send headers, so routes marked with QUERY_TOKEN_KEY accept ?access_token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly access: TenantAccessCache,
    private readonly cls: ClsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [ctx.getHandler(), ctx.getClass()]))
      return true;
    const req = ctx.switchToHttp().getRequest<RequestWithActor>();
    const header = req.headers.authorization;
    let token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (
      !token &&
      this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_KEY, [ctx.getHandler(), ctx.getClass()])
    ) {
      const fromQuery = req.query.access_token;
      token = typeof fromQuery === 'string' ? fromQuery : undefined;
    }
    if (!token) throw new UnauthenticatedError();
    const claims = await this.tokens.verifyAccess(token);
    if (claims.tid) {
      const tenant = await this.access.get(claims.tid);
      if (!tenant) throw new UnauthenticatedError();
      if (tenant.status === 'suspended') {
        throw new ForbiddenError(
          ErrorCode.TENANT_SUSPENDED,
          '该租户已停用，请联系平台运营 / this tenant is suspended',
        );
      }
      req.tenantAccess = tenant;
    }
    const actor: Actor = {
      userId: claims.sub,
      email: claims.email,
      tenantId: claims.tid,
      tenantSlug: claims.tsl,
      roles: claims.roles,
    };
    req.actor = actor;
    this.cls.set<Actor>('actor', actor);
    return true;
  }
}
