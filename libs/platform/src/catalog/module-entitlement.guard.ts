import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@mes/shared';
import type { RequestWithActor } from '../auth/current-actor.decorator';
import { ForbiddenError } from '../errors/domain-error';
import { REQUIRES_MODULE_KEY } from './module-manifest';
import { TenantAccessCache } from './tenant-access-cache.service';

/** Third global guard: a module's routes need the tenant's active subscription to it. */
@Injectable()
export class ModuleEntitlementGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: TenantAccessCache,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const moduleKey = this.reflector.getAllAndOverride<string | undefined>(REQUIRES_MODULE_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!moduleKey) return true;
    const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
    const tenant = actor?.tenantId ? await this.access.get(actor.tenantId) : null;
    if (!tenant?.modules.includes(moduleKey)) {
      throw new ForbiddenError(
        ErrorCode.MODULE_NOT_SUBSCRIBED,
        `未订阅模块 ${moduleKey}，请在应用市场订阅 / module ${moduleKey} is not subscribed`,
        [{ field: 'moduleKey', message: moduleKey }],
      );
    }
    return true;
  }
}
