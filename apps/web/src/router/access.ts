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

/** The module keys of a route: one key, or a list of which any one subscription opens the page. */
export function routeModules(meta: Pick<RouteMeta, 'module'>): readonly string[] {
  const m = meta.module;
  if (!m) return [];
  return typeof m === 'string' ? [m] : m;
}

/** Whether one of the route's modules is among the active ones (true for a route of no module). */
export function routeModuleActive(meta: Pick<RouteMeta, 'module'>, active: readonly string[]): boolean {
  const keys = routeModules(meta);
  return keys.length === 0 || keys.some((k) => active.includes(k));
}

/**
 * Where a navigation may go (pure, so it is unit-tested): not signed in → login; operator pages
 * for the operator only, tenant pages for tenant users only; a module's page needs an active
 * subscription to that module (to one of them when the route lists several; the store is then
 * opened on the first).
 */
export function decideAccess(meta: RouteMeta, state: AccessState): AccessDecision {
  if (meta.public) return { kind: 'allow' };
  if (!state.authenticated) return { kind: 'login' };
  if (meta.scope === 'platform' && !state.isPlatform) return { kind: 'forbidden' };
  const modules = routeModules(meta);
  if ((meta.scope === 'tenant' || modules.length > 0) && state.isPlatform) return { kind: 'home' };
  const first = modules[0];
  if (first !== undefined && !routeModuleActive(meta, state.modules))
    return { kind: 'not-subscribed', module: first };
  if (meta.permission && !state.permissions.includes(meta.permission)) return { kind: 'forbidden' };
  return { kind: 'allow' };
}
