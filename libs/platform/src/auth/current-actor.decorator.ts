import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { TenantAccess } from '../catalog/tenant-access-cache.service';
import type { Actor } from '../database/request-context';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';

export type RequestWithActor = Request & {
  actor?: Actor;
  requestId?: string;
  /** The subscribed module the entitlement guard let the request through for. */
  moduleKey?: string;
  /** The actor's tenant as the auth guard read it (TenantAccessCache), reused by the entitlement guard. */
  tenantAccess?: TenantAccess;
};

/** The caller, as the auth guard decoded it. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new UnauthenticatedError();
  return actor;
});

/** The caller, who must be acting inside a tenant (not the platform scope). */
export const TenantActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor & { tenantId: string } => {
    const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
    if (!actor) throw new UnauthenticatedError();
    if (!actor.tenantId) throw new ForbiddenError('TENANT_REQUIRED', '请先选择租户 / a tenant is required');
    return actor as Actor & { tenantId: string };
  },
);
