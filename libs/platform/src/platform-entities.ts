import { AuditEventEntity } from './audit/audit-event.entity';
import { MembershipEntity } from './auth/membership.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { UserEntity } from './auth/user.entity';
import { SubscriptionEventEntity } from './catalog/subscription-event.entity';
import { SubscriptionEntity } from './catalog/subscription.entity';
import { PlatformCore1763700000000 } from './database/migrations/1763700000000-platform-core';
import { DocumentNumbers1763700050000 } from './database/migrations/1763700050000-document-numbers';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity';
import { JobRunEntity } from './jobs/job-run.entity';
import { TenantEntity } from './tenants/tenant.entity';
import { UsageEventEntity } from './usage/usage-event.entity';

export const PLATFORM_ENTITIES = [
  TenantEntity,
  UserEntity,
  MembershipEntity,
  RefreshTokenEntity,
  SubscriptionEntity,
  SubscriptionEventEntity,
  UsageEventEntity,
  AuditEventEntity,
  JobRunEntity,
  IdempotencyRecordEntity,
];

export const PLATFORM_MIGRATIONS = [PlatformCore1763700000000, DocumentNumbers1763700050000];
