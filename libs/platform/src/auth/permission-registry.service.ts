import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@mes/shared';
import { MODULE_MANIFESTS, type ModuleManifest } from '../catalog/module-manifest';
import { Permission, PLATFORM_PERMISSION_GRANTS } from './permissions';

/** Role → permissions, from the platform's grants plus every module manifest's. */
@Injectable()
export class PermissionRegistry {
  private readonly grants = new Map<string, Set<Role>>();

  constructor(@Inject(MODULE_MANIFESTS) manifests: ModuleManifest[]) {
    this.addGrants(PLATFORM_PERMISSION_GRANTS);
    for (const manifest of manifests) this.addGrants(manifest.permissions);
  }

  addGrants(grants: Record<string, readonly Role[]>): void {
    for (const [permission, roles] of Object.entries(grants)) {
      const set = this.grants.get(permission) ?? new Set<Role>();
      roles.forEach((role) => set.add(role));
      this.grants.set(permission, set);
    }
  }

  isKnown(permission: string): boolean {
    return permission === Permission.AUTHENTICATED || this.grants.has(permission);
  }

  allows(roles: readonly Role[], permission: string): boolean {
    if (permission === Permission.AUTHENTICATED) return true;
    const holders = this.grants.get(permission);
    return !!holders && roles.some((role) => holders.has(role));
  }

  permissionsOf(roles: readonly Role[]): string[] {
    return [...this.grants.entries()]
      .filter(([, holders]) => roles.some((role) => holders.has(role)))
      .map(([permission]) => permission)
      .sort();
  }
}
