import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import type { RequestWithActor } from '../auth/current-actor.decorator';
import { REQUIRES_MODULE_KEY } from '../catalog/module-manifest';
import { requiredModuleKeys } from '../catalog/requires-module.decorator';
import { ApiCallCounter } from './api-call-counter.service';

/** Counts each authenticated tenant request against its module ("platform" for platform routes). */
@Injectable()
export class ApiCallCounterInterceptor implements NestInterceptor {
  constructor(
    private readonly counter: ApiCallCounter,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() === 'http') {
      const request = ctx.switchToHttp().getRequest<RequestWithActor>();
      const tenantId = request.actor?.tenantId;
      if (tenantId) {
        // The entitlement guard names the module the tenant holds when a route accepts several.
        const moduleKey =
          request.moduleKey ??
          requiredModuleKeys(
            this.reflector.getAllAndOverride<string | string[] | undefined>(REQUIRES_MODULE_KEY, [
              ctx.getHandler(),
              ctx.getClass(),
            ]),
          )[0];
        this.counter.count(tenantId, moduleKey ?? 'platform');
      }
    }
    return next.handle();
  }
}
