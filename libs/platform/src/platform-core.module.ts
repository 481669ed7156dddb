import { randomUUID } from 'node:crypto';
import { DocumentNumbers } from './documents/document-numbers.service';
import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { PasswordService } from './auth/password.service';
import { PermissionRegistry } from './auth/permission-registry.service';
import { TokenService } from './auth/token.service';
import { CatalogService } from './catalog/catalog.service';
import { MODULE_MANIFESTS } from './catalog/module-manifest';
import { SubscriptionsService } from './catalog/subscriptions.service';
import { TenantAccessCache } from './catalog/tenant-access-cache.service';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source.options';
import { TenantDb } from './database/tenant-db.service';
import { JobQueues } from './jobs/job-queues.service';
import { JobSubmitter } from './jobs/job-submitter.service';
import { JobWorkerHost } from './jobs/job-worker.host';
import { JobsService } from './jobs/jobs.service';
import { PLATFORM_QUEUES, QUEUE_DEFINITIONS } from './jobs/queue-registry';
import type { ModuleDefinition } from './module-definition';
import { MetricsService } from './ops/metrics.service';
import { PLATFORM_ENTITIES } from './platform-entities';
import { RedisModule } from './redis/redis.module';
import { TenantsService } from './tenants/tenants.service';
import { ApiCallCounter } from './usage/api-call-counter.service';
import { UsageMeter } from './usage/usage-meter.service';

type RequestWithId = IncomingMessage & { actor?: { tenantId: string | null; userId: string } };

const SERVICES = [
  TenantDb,
  PasswordService,
  TokenService,
  LoginThrottleService,
  PermissionRegistry,
  AuthService,
  CatalogService,
  TenantAccessCache,
  SubscriptionsService,
  TenantsService,
  AuditService,
  UsageMeter,
  ApiCallCounter,
  JobQueues,
  JobSubmitter,
  JobsService,
  JobWorkerHost,
  MetricsService,
  DocumentNumbers,
];

/**
 * Everything both processes (HTTP API and worker) need: validated config, PostgreSQL as the app
 * role, Redis, request context, logging, and the platform services. Global, imported once.
 */
@Module({})
export class PlatformCoreModule {
  static forRoot(modules: ModuleDefinition[]): DynamicModule {
    return {
      module: PlatformCoreModule,
      global: true,
      imports: [
        ConfigModule,
        RedisModule,
        DiscoveryModule,
        ClsModule.forRoot({ global: true, middleware: { mount: true } }),
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            // Every API route, in Express 5's wildcard syntax (nestjs-pino's default '*' draws a
            // LegacyRouteConverter warning at each start-up and is converted to this same pattern).
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.logLevel,
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
                res.setHeader('x-request-id', id);
                return id;
              },
              customProps: (req: IncomingMessage) => ({
                tenantId: (req as RequestWithId).actor?.tenantId ?? null,
              }),
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              autoLogging: {
                ignore: (req: IncomingMessage) => /^\/api\/(health|metrics)/.test(req.url ?? ''),
              },
            },
          }),
        }),
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            buildDataSourceOptions(
              config.appDatabaseUrl,
              [...PLATFORM_ENTITIES, ...modules.flatMap((m) => m.entities)],
              [],
            ),
        }),
        JwtModule.register({}),
      ],
      providers: [
        ...SERVICES,
        { provide: MODULE_MANIFESTS, useValue: modules.map((m) => m.manifest) },
        {
          provide: QUEUE_DEFINITIONS,
          useValue: [...PLATFORM_QUEUES, ...modules.flatMap((m) => m.queues ?? [])],
        },
      ],
      exports: [...SERVICES, MODULE_MANIFESTS, QUEUE_DEFINITIONS],
    };
  }
}
