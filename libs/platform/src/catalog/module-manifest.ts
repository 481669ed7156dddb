import type { MenuEntry, Role } from '@mes/shared';

/** What an implemented module declares about itself (modules/<key>/api/manifest.ts). */
export interface ModuleManifest {
  key: string;
  nameZh: string;
  nameEn: string;
  /** Modules that must be active first (master-data is always on and implied). */
  dependsOn: string[];
  /** Permission → roles that hold it. */
  permissions: Record<string, Role[]>;
  menu: MenuEntry[];
  /** Usage meters the module records (e.g. "production-execution.reports"). */
  meters: string[];
}

export const MODULE_MANIFESTS = Symbol('MODULE_MANIFESTS');
export const REQUIRES_MODULE_KEY = 'mes:requires-module';

/** The master-data module: always on, nothing to subscribe. */
export const ALWAYS_ON_MODULES: readonly string[] = ['master-data'];
