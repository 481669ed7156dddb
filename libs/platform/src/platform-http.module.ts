import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { RouteAccessAudit } from './auth/route-access-audit.service';
import { PermissionGuard } from './auth/permission.guard';
import { CatalogController } from './catalog/catalog.controller';
import { ModuleEntitlementGuard } from './catalog/module-entitlement.guard';
import { SubscriptionsController } from './catalog/subscriptions.controller';
import { HttpErrorFilter } from './errors/http-error.filter';
import { createValidationPipe } from './errors/validation.pipe';
import { TenantTransactionInterceptor } from './http/tenant-transaction.interceptor';
import { IdempotencyInterceptor } from './idempotency/idempotent.interceptor';
import { JobsController } from './jobs/jobs.controller';
import { HealthController } from './ops/health.controller';
import { HttpMetricsInterceptor } from './ops/http-metrics.interceptor';
import { MetricsController } from './ops/metrics.controller';
import { PlatformTenantsController } from './tenants/platform-tenants.controller';
import { ApiCallCounterInterceptor } from './usage/api-call-counter.interceptor';

/**
 * The HTTP face of the platform: its controllers, and the global chain every route passes —
 * auth → permission → module entitlement guards; metrics → usage count → tenant transaction →
 * idempotency interceptors; one validation pipe; one error filter.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [
    AuthController,
    CatalogController,
    SubscriptionsController,
    PlatformTenantsController,
    JobsController,
    HealthController,
    MetricsController,
  ],
  providers: [
    RouteAccessAudit,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
    { provide: APP_GUARD, useClass: ModuleEntitlementGuard },
    { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
    { provide: APP_INTERCEPTOR, useClass: ApiCallCounterInterceptor },
    { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
  exports: [RouteAccessAudit],
})
export class PlatformHttpModule {}
