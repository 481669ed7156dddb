import type { TenantView } from '@mes/shared';
import { http } from '@mes/web-core';

export interface CreateTenantInput {
  slug: string;
  name: string;
  adminEmail: string;
  adminPassword: string;
  industry?: string;
}

/** The operator's tenant endpoints (`/platform/tenants`). */
export const tenantsApi = {
  list: (page: number, pageSize: number) =>
    http.get<{ items: TenantView[]; total: number }>('/platform/tenants', { page, pageSize }),
  get: (id: string) => http.get<TenantView>(`/platform/tenants/${encodeURIComponent(id)}`),
  create: (input: CreateTenantInput) => http.post<TenantView>('/platform/tenants', input, { silent: true }),
  suspend: (id: string) => http.post<TenantView>(`/platform/tenants/${encodeURIComponent(id)}/suspend`),
  resume: (id: string) => http.post<TenantView>(`/platform/tenants/${encodeURIComponent(id)}/resume`),
};
