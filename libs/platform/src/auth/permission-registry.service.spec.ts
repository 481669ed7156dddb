import { Role } from '@mes/shared';
import { PermissionRegistry } from './permission-registry.service';
import { Permission } from './permissions';

describe('PermissionRegistry', () => {
  const registry = new PermissionRegistry([
    {
      key: 'spc',
      nameZh: '',
      nameEn: '',
      dependsOn: [],
      menu: [],
      meters: [],
      permissions: { 'spc:analyze': [Role.QUALITY] },
    },
  ]);

  it('grants platform permissions by role', () => {
    expect(registry.allows([Role.TENANT_ADMIN], Permission.SUBSCRIPTIONS_WRITE)).toBe(true);
    expect(registry.allows([Role.OPERATOR], Permission.SUBSCRIPTIONS_WRITE)).toBe(false);
    expect(registry.allows([Role.TENANT_ADMIN], Permission.PLATFORM_TENANTS_WRITE)).toBe(false);
    expect(registry.allows([Role.PLATFORM_OPERATOR], Permission.PLATFORM_TENANTS_WRITE)).toBe(true);
  });

  it('adds the grants of module manifests and refuses unknown permissions', () => {
    expect(registry.allows([Role.QUALITY], 'spc:analyze')).toBe(true);
    expect(registry.allows([Role.PLANNER], 'spc:analyze')).toBe(false);
    expect(registry.allows([Role.TENANT_ADMIN], 'made:up')).toBe(false);
    expect(registry.isKnown('made:up')).toBe(false);
  });

  it('lets any signed-in role through AUTHENTICATED', () => {
    expect(registry.allows([Role.OPERATOR], Permission.AUTHENTICATED)).toBe(true);
  });
});
