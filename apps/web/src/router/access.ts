import type { RouteMeta } from 'vue-router';

export interface AccessState {
  authenticated: boolean;
  isPlatform: boolean;
  modules: readonly string[];
  permissions: readonly string[];
}

export type AccessDecision =
  | { kind: 'allow' }
  | { kind: 'login' }
  | { kind: 'home' }
  | { kind: 'forbidden' }
  | { kind: 'not-subscribed'; module: string };

/**
 * Where a navigation may go (pure, so it is unit-tested): not signed in → login; operator pages
 * for the operator only, tenant pages for tenant users only; a module's page needs an active
 * subscription to that module.
 */
export function decideAccess(meta: RouteMeta, state: AccessState): AccessDecision {
  if (meta.public) return { kind: 'allow' };
  if (!state.authenticated) return { kind: 'login' };
  if (meta.scope === 'platform' && !state.isPlatform) return { kind: 'forbidden' };
  if ((meta.scope === 'tenant' || meta.module) && state.isPlatform) return { kind: 'home' };
  if (meta.module && !state.modules.includes(meta.module))
    return { kind: 'not-subscribed', module: meta.module };
  if (meta.permission && !state.permissions.includes(meta.permission)) return { kind: 'forbidden' };
  return { kind: 'allow' };
}
