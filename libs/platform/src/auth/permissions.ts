import { Role } from '@mes/shared';

/** Platform permissions. Modules add theirs through their manifest (ModuleManifest.permissions). */
export const Permission = {
  /** Any signed-in user, whatever the roles: own profile, own tokens. */
  AUTHENTICATED: 'authenticated',
  PLATFORM_TENANTS_READ: 'platform.tenants:read',
  PLATFORM_TENANTS_WRITE: 'platform.tenants:write',
  CATALOG_READ: 'catalog:read',
  SUBSCRIPTIONS_READ: 'subscriptions:read',
  SUBSCRIPTIONS_WRITE: 'subscriptions:write',
  JOBS_READ: 'jobs:read',
  USAGE_READ: 'usage:read',
} as const;

const ALL_TENANT_ROLES: Role[] = [
  Role.CONTRACTOR,
  Role.TENANT_ADMIN,
  Role.PLANNER,
  Role.WAREHOUSE,
  Role.OPERATOR,
  Role.QUALITY,
  Role.MAINTENANCE,
];

/** Which roles hold each platform permission. */
export const PLATFORM_PERMISSION_GRANTS: Record<string, Role[]> = {
  [Permission.PLATFORM_TENANTS_READ]: [Role.PLATFORM_OPERATOR],
  [Permission.PLATFORM_TENANTS_WRITE]: [Role.PLATFORM_OPERATOR],
  [Permission.CATALOG_READ]: [Role.PLATFORM_OPERATOR, ...ALL_TENANT_ROLES],
  [Permission.SUBSCRIPTIONS_READ]: ALL_TENANT_ROLES,
  [Permission.SUBSCRIPTIONS_WRITE]: [Role.TENANT_ADMIN, Role.CONTRACTOR],
  [Permission.JOBS_READ]: ALL_TENANT_ROLES,
  [Permission.USAGE_READ]: [Role.PLATFORM_OPERATOR, Role.TENANT_ADMIN, Role.CONTRACTOR],
};
