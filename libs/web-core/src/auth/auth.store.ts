import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  LoginResponse,
  MeResponse,
  Role,
  TenantMembershipSummary,
  TenantSummary,
  UserSummary,
} from '@mes/shared';
import type { HttpClient } from '../http/http-client';
import type { TokenStore } from '../http/token-store';
import { http as defaultHttp, sessionTokens } from '../http';

export interface LoginCredentials {
  email: string;
  password: string;
  /** Tenant slug; omitted → the user's first tenant (or the platform scope for an operator). */
  tenant?: string;
}

/** Permissions the shell looks at (the API's `Permission` names). */
export const ShellPermission = {
  PLATFORM_TENANTS_READ: 'platform.tenants:read',
  PLATFORM_TENANTS_WRITE: 'platform.tenants:write',
  CATALOG_READ: 'catalog:read',
  SUBSCRIPTIONS_READ: 'subscriptions:read',
  SUBSCRIPTIONS_WRITE: 'subscriptions:write',
} as const;

/**
 * The auth store over an http client and a token store: tokens persist in the token store
 * (localStorage), the rest (user, tenant, roles, modules) is reloaded from `/auth/me`.
 */
export function defineAuthStore(deps: { http: HttpClient; tokens: TokenStore }) {
  return defineStore('auth', () => {
    const { http, tokens } = deps;
    const hasSession = ref(tokens.get() !== null);
    const user = ref<UserSummary | null>(null);
    const tenant = ref<TenantSummary | null>(null);
    const tenants = ref<TenantMembershipSummary[]>([]);
    const roles = ref<Role[]>([]);
    const permissions = ref<string[]>([]);
    const modules = ref<string[]>([]);
    const loaded = ref(false);
    let loading: Promise<void> | null = null;

    const isAuthenticated = computed(() => hasSession.value);
    /** Signed in at the platform scope (a token with no tenant): the operator. */
    const isPlatform = computed(() => hasSession.value && loaded.value && tenant.value === null);
    const canSwitchTenant = computed(() => tenants.value.length > 1);

    function clearState() {
      hasSession.value = false;
      user.value = null;
      tenant.value = null;
      tenants.value = [];
      roles.value = [];
      permissions.value = [];
      modules.value = [];
      loaded.value = false;
      loading = null;
    }

    function applyLogin(r: LoginResponse) {
      tokens.set({ accessToken: r.accessToken, refreshToken: r.refreshToken });
      hasSession.value = true;
      user.value = r.user;
      tenant.value = r.tenant;
      tenants.value = r.tenants;
      loaded.value = false;
      loading = null;
    }

    function applyMe(me: MeResponse) {
      user.value = me.user;
      tenant.value = me.tenant;
      roles.value = me.roles;
      permissions.value = me.permissions;
      modules.value = me.modules;
      tenants.value = me.tenants;
      loaded.value = true;
    }

    async function loadMe(): Promise<void> {
      const me = await http.get<MeResponse>('/auth/me');
      applyMe(me);
    }

    /** Loads `/auth/me` once per session; true when signed in. */
    async function ensureLoaded(): Promise<boolean> {
      if (!hasSession.value) return false;
      if (!loaded.value) {
        loading ??= loadMe().finally(() => {
          loading = null;
        });
        await loading;
      }
      return loaded.value;
    }

    async function login(credentials: LoginCredentials): Promise<void> {
      const body: LoginCredentials = { email: credentials.email.trim(), password: credentials.password };
      const slug = credentials.tenant?.trim();
      if (slug) body.tenant = slug;
      const r = await http.post<LoginResponse>('/auth/login', body, { auth: false, silent: true });
      applyLogin(r);
      await loadMe();
    }

    async function switchTenant(slug: string): Promise<void> {
      const r = await http.post<LoginResponse>('/auth/switch-tenant', { tenant: slug });
      applyLogin(r);
      await loadMe();
    }

    /** Ends the session on the server (best effort) and here. */
    async function logout(): Promise<void> {
      const current = tokens.get();
      if (current) {
        await http
          .post<unknown>(
            '/auth/logout',
            { refreshToken: current.refreshToken },
            { refreshOn401: false, silent: true },
          )
          .catch(() => undefined);
      }
      tokens.clear();
      clearState();
    }

    const can = (permission: string) => permissions.value.includes(permission);
    const hasRole = (role: Role) => roles.value.includes(role);
    const hasModule = (key: string) => modules.value.includes(key);

    http.onSessionExpired(clearState);
    http.onTokensRefreshed((r) => {
      tenants.value = r.tenants;
    });

    return {
      hasSession,
      user,
      tenant,
      tenants,
      roles,
      permissions,
      modules,
      loaded,
      isAuthenticated,
      isPlatform,
      canSwitchTenant,
      login,
      logout,
      switchTenant,
      loadMe,
      ensureLoaded,
      can,
      hasRole,
      hasModule,
    };
  });
}

export const useAuthStore = defineAuthStore({ http: defaultHttp, tokens: sessionTokens });
export type AuthStore = ReturnType<typeof useAuthStore>;
