export const Role = {
  PLATFORM_OPERATOR: 'platform_operator',
  CONTRACTOR: 'contractor',
  TENANT_ADMIN: 'tenant_admin',
  PLANNER: 'planner',
  WAREHOUSE: 'warehouse',
  OPERATOR: 'operator',
  QUALITY: 'quality',
  MAINTENANCE: 'maintenance',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const TENANT_ROLES: readonly Role[] = [
  Role.CONTRACTOR,
  Role.TENANT_ADMIN,
  Role.PLANNER,
  Role.WAREHOUSE,
  Role.OPERATOR,
  Role.QUALITY,
  Role.MAINTENANCE,
];

export interface UserSummary {
  id: string;
  email: string;
  name: string;
}

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
}

export interface TenantMembershipSummary extends TenantSummary {
  roles: Role[];
}

export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  user: UserSummary;
  tenant: TenantSummary | null;
  tenants: TenantMembershipSummary[];
}

export interface MeResponse {
  user: UserSummary;
  tenant: TenantSummary | null;
  roles: Role[];
  permissions: string[];
  modules: string[];
  tenants: TenantMembershipSummary[];
}
