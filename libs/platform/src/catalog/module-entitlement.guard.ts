import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@mes/shared';
import type { RequestWithActor } from '../auth/current-actor.decorator';
import { ForbiddenError } from '../errors/domain-error';
import { REQUIRES_MODULE_KEY } from './module-manifest';
import { requiredModuleKeys } from './requires-module.decorator';
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
    const keys = requiredModuleKeys(
      this.reflector.getAllAndOverride<string | string[] | undefined>(REQUIRES_MODULE_KEY, [
        ctx.getHandler(),
        ctx.getClass(),
      ]),
    );
    const moduleKey = keys[0];
    if (moduleKey === undefined) return true;
    const request = ctx.switchToHttp().getRequest<RequestWithActor>();
    const tenantId = request.actor?.tenantId;
    // The auth guard has just read the same tenant's access: one Redis round trip a request, not two.
    const tenant = tenantId ? (request.tenantAccess ?? (await this.access.get(tenantId))) : null;
    const held = keys.find((key) => tenant?.modules.includes(key));
    if (held === undefined) {
      throw new ForbiddenError(
        ErrorCode.MODULE_NOT_SUBSCRIBED,
        `未订阅模块 ${moduleKey}，请在应用市场订阅 / module ${moduleKey} is not subscribed`,
        [{ field: 'moduleKey', message: keys.join(' | ') }],
      );
    }
    request.moduleKey = held;
    return true;
  }
}
