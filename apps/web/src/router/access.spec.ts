import { describe, expect, it } from 'vitest';
import { decideAccess, routeModuleActive, routeModules, type AccessState } from './access';

const tenantUser: AccessState = {
  authenticated: true,
  isPlatform: false,
  modules: ['master-data', 'production-knowledge'],
  permissions: ['subscriptions:write'],
};
const operator: AccessState = {
  authenticated: true,
  isPlatform: true,
  modules: [],
  permissions: ['platform.tenants:read'],
};
const anonymous: AccessState = { authenticated: false, isPlatform: false, modules: [], permissions: [] };

describe('decideAccess', () => {
  it('sends the signed-out to the login page, except for public pages', () => {
    expect(decideAccess({}, anonymous)).toEqual({ kind: 'login' });
    expect(decideAccess({ module: 'production-knowledge' }, anonymous)).toEqual({ kind: 'login' });
    expect(decideAccess({ public: true }, anonymous)).toEqual({ kind: 'allow' });
  });

  it('lets a tenant into the pages of its subscribed modules only', () => {
    expect(decideAccess({ module: 'production-knowledge' }, tenantUser)).toEqual({ kind: 'allow' });
    expect(decideAccess({ module: 'warehousing' }, tenantUser)).toEqual({
      kind: 'not-subscribed',
      module: 'warehousing',
    });
  });

  it('opens a page of several modules with any one of their subscriptions', () => {
    const shared = { module: ['master-scheduling', 'shop-scheduling'] } as const;
    const with_ = (modules: string[]): AccessState => ({ ...tenantUser, modules });
    expect(decideAccess(shared, with_(['shop-scheduling']))).toEqual({ kind: 'allow' });
    expect(decideAccess(shared, with_(['master-scheduling']))).toEqual({ kind: 'allow' });
    expect(decideAccess(shared, with_(['master-scheduling', 'shop-scheduling']))).toEqual({ kind: 'allow' });
    expect(decideAccess(shared, with_(['mrp']))).toEqual({
      kind: 'not-subscribed',
      module: 'master-scheduling',
    });
    expect(decideAccess(shared, operator)).toEqual({ kind: 'home' });
    expect(decideAccess(shared, anonymous)).toEqual({ kind: 'login' });
  });

  it('reads the module keys of a route', () => {
    expect(routeModules({})).toEqual([]);
    expect(routeModules({ module: 'mrp' })).toEqual(['mrp']);
    expect(routeModules({ module: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(routeModuleActive({}, [])).toBe(true);
    expect(routeModuleActive({ module: ['a', 'b'] }, ['b'])).toBe(true);
    expect(routeModuleActive({ module: ['a', 'b'] }, ['c'])).toBe(false);
  });

  it('keeps operator pages for the operator', () => {
    expect(decideAccess({ scope: 'platform', permission: 'platform.tenants:read' }, operator)).toEqual({
      kind: 'allow',
    });
    expect(decideAccess({ scope: 'platform' }, tenantUser)).toEqual({ kind: 'forbidden' });
    expect(decideAccess({ scope: 'tenant' }, operator)).toEqual({ kind: 'home' });
    expect(decideAccess({ module: 'production-knowledge' }, operator)).toEqual({ kind: 'home' });
  });

  it('checks a route permission', () => {
    expect(decideAccess({ permission: 'platform.tenants:write' }, operator)).toEqual({ kind: 'forbidden' });
  });
});
