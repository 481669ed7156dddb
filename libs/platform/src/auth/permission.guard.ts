import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@mes/shared';
import { ForbiddenError } from '../errors/domain-error';
import { PERMISSION_KEY, PUBLIC_KEY } from './access.decorators';
import type { RequestWithActor } from './current-actor.decorator';
import { PermissionRegistry } from './permission-registry.service';

/** Second global guard: the route's permission must be granted by the caller's roles. Fails closed. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: PermissionRegistry,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<string | undefined>(PERMISSION_KEY, targets);
    // A route that names no permission is a programming error; refuse rather than allow.
    if (!permission)
      throw new ForbiddenError(ErrorCode.FORBIDDEN, '该接口未声明权限 / route has no permission');
    const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
    if (!actor || !this.registry.allows(actor.roles, permission)) {
      throw new ForbiddenError(
        ErrorCode.FORBIDDEN,
        `缺少权限 ${permission} / missing permission ${permission}`,
      );
    }
    return true;
  }
}
