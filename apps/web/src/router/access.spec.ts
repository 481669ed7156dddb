import { describe, expect, it } from 'vitest';
import { decideAccess, type AccessState } from './access';

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
