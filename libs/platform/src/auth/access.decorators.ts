import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'mes:public';
export const PERMISSION_KEY = 'mes:permission';
export const NO_TENANT_TX_KEY = 'mes:no-tenant-tx';

/** The route needs no token (login, refresh, health). Every other route names a permission. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The permission a caller's roles must grant. The permission guard refuses routes that have none. */
export const RequirePermission = (permission: string): MethodDecorator & ClassDecorator =>
  SetMetadata(PERMISSION_KEY, permission);

/** Long-lived handlers (SSE) that must not hold a request transaction open; they open their own. */
export const NoTenantTransaction = (): MethodDecorator & ClassDecorator =>
  SetMetadata(NO_TENANT_TX_KEY, true);
