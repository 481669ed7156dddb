import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { NO_TENANT_TX_KEY } from '../auth/access.decorators';
import type { RequestWithActor } from '../auth/current-actor.decorator';
import { TenantDb } from '../database/tenant-db.service';

/**
 * Runs each tenant request in one transaction that begins with set_config('app.tenant_id'), so every
 * query of the request is confined by row-level security and a failure leaves nothing half-written.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly db: TenantDb,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const tenantId = ctx.switchToHttp().getRequest<RequestWithActor>().actor?.tenantId;
    const skip = this.reflector.getAllAndOverride<boolean>(NO_TENANT_TX_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!tenantId || skip) return next.handle();
    return from(
      this.db.runInTenant(tenantId, () => lastValueFrom(next.handle(), { defaultValue: undefined })),
    );
  }
}
