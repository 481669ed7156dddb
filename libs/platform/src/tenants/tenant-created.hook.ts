import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const TENANT_CREATED_HOOK = 'mes:tenant-created-hook';

/**
 * A module's set-up for a new tenant (standard units, default settings...). Runs inside the
 * tenant-creation transaction with app.tenant_id set, so it writes the tenant's own rows under RLS.
 */
export interface TenantCreatedHook {
  onTenantCreated(tenantId: string, manager: EntityManager): Promise<void>;
}

/** Marks a provider as a TenantCreatedHook; TenantsService discovers and runs them all. */
export const OnTenantCreated = (): ClassDecorator => SetMetadata(TENANT_CREATED_HOOK, true);
