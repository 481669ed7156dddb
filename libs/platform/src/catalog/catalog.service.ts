import { Inject, Injectable } from '@nestjs/common';
import type { CatalogModule, ModulePricing } from '@mes/shared';
import catalogData from './scenario-modules.json';
import { ALWAYS_ON_MODULES, MODULE_MANIFESTS, type ModuleManifest } from './module-manifest';

interface CatalogRow {
  no: number;
  key: string;
  category_zh: string;
  name_zh: string;
  name_en: string;
  price_wan: string | null;
  pricing: string;
  kind: string;
  description_zh: string;
  depends_on: string[];
}

/**
 * The 51 scenario modules of 附件2 with their list prices, joined with the manifests of the modules
 * implemented in this release (those are `available`). Immutable after startup.
 */
@Injectable()
export class CatalogService {
  private readonly modules: CatalogModule[];
  private readonly byKey: Map<string, CatalogModule>;

  constructor(@Inject(MODULE_MANIFESTS) manifests: ModuleManifest[]) {
    const manifestByKey = new Map(manifests.map((m) => [m.key, m]));
    const rows = (catalogData as { modules: CatalogRow[] }).modules;
    for (const manifest of manifests) {
      if (!rows.some((row) => row.key === manifest.key))
        throw new Error(`manifest ${manifest.key} is not in the catalog`);
    }
    this.modules = rows.map((row) => {
      const manifest = manifestByKey.get(row.key);
      const alwaysOn = ALWAYS_ON_MODULES.includes(row.key);
      return {
        key: row.key,
        no: row.no,
        nameZh: manifest?.nameZh ?? row.name_zh,
        nameEn: manifest?.nameEn ?? row.name_en,
        category: row.category_zh,
        description: row.description_zh,
        priceWan: row.price_wan,
        pricing: row.pricing as ModulePricing,
        kind: row.kind,
        dependsOn: (manifest?.dependsOn ?? row.depends_on).filter((dep) => !ALWAYS_ON_MODULES.includes(dep)),
        available: alwaysOn || manifest !== undefined,
        alwaysOn,
        menu: manifest?.menu ?? [],
      };
    });
    this.byKey = new Map(this.modules.map((m) => [m.key, m]));
  }

  list(): CatalogModule[] {
    return this.modules;
  }

  find(key: string): CatalogModule | undefined {
    return this.byKey.get(key);
  }

  /** `key` and everything it needs, dependencies first. */
  withDependencies(key: string): string[] {
    const ordered: string[] = [];
    const visit = (k: string, path: string[]) => {
      if (ordered.includes(k)) return;
      if (path.includes(k)) throw new Error(`dependency cycle in catalog: ${[...path, k].join(' → ')}`);
      for (const dep of this.byKey.get(k)?.dependsOn ?? []) visit(dep, [...path, k]);
      ordered.push(k);
    };
    visit(key, []);
    return ordered;
  }

  /** Modules whose dependsOn names `key`, among `among`. */
  dependentsOf(key: string, among: readonly string[]): string[] {
    return among.filter((k) => this.byKey.get(k)?.dependsOn.includes(key));
  }
}
