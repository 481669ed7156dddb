import type { CatalogModule } from '@mes/shared';

/** What a store card shows about a module for this tenant. */
export type CardState = 'subscribed' | 'alwaysOn' | 'unavailable' | 'available';

export function cardState(module: CatalogModule, active: ReadonlySet<string>): CardState {
  if (module.alwaysOn) return 'alwaysOn';
  if (active.has(module.key)) return 'subscribed';
  if (!module.available) return 'unavailable';
  return 'available';
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** "6.00 万元", "按需报价", "免费" (a list price of zero). */
export function priceText(module: Pick<CatalogModule, 'priceWan' | 'pricing'>, t: Translate): string {
  if (module.pricing === 'quote' || module.priceWan === null) return t('store.price.quote');
  if (toCents(module.priceWan) === 0n) return t('store.price.free');
  return t('store.price.wan', { price: module.priceWan });
}

const KIND_KEYS: Record<string, string> = {
  software: 'software',
  'software+license': 'softwareLicense',
  consulting: 'consulting',
  automation: 'automation',
};

export function kindText(kind: string, t: Translate): string {
  return t(`store.kind.${KIND_KEYS[kind] ?? 'other'}`);
}

/** A 万元 decimal string as hundredths, exactly (no floating point): "6.00" → 600n. */
export function toCents(value: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) throw new Error(`not a price: ${value}`);
  const [, sign = '', int = '0', frac = ''] = m;
  const cents = BigInt(int) * 100n + BigInt(frac.padEnd(2, '0') || '0');
  return sign === '-' ? -cents : cents;
}

/** Sum of list prices as a "0.00" string; quoted (null) prices are left out. */
export function sumWan(prices: readonly (string | null)[]): string {
  let total = 0n;
  for (const p of prices) if (p !== null) total += toCents(p);
  const abs = total < 0n ? -total : total;
  const s = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return total < 0n ? `-${s}` : s;
}

/**
 * The modules `key` needs that are not active yet, dependencies first (transitively: what a
 * missing dependency needs is missing too).
 */
export function missingDependencies(
  key: string,
  catalog: readonly CatalogModule[],
  active: ReadonlySet<string>,
): string[] {
  const byKey = new Map(catalog.map((m) => [m.key, m]));
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (k: string) => {
    for (const dep of byKey.get(k)?.dependsOn ?? []) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      const m = byKey.get(dep);
      if (active.has(dep) || m?.alwaysOn) continue;
      visit(dep);
      out.push(dep);
    }
  };
  visit(key);
  return out;
}

/** Active modules that depend directly on `key` (they block its cancellation). */
export function activeDependents(
  key: string,
  catalog: readonly CatalogModule[],
  active: ReadonlySet<string>,
): string[] {
  return catalog.filter((m) => active.has(m.key) && m.dependsOn.includes(key)).map((m) => m.key);
}

export interface CategoryGroup {
  category: string;
  modules: CatalogModule[];
}

/** Catalog grouped by category, categories and modules in catalog order (`no`). */
export function groupByCategory(modules: readonly CatalogModule[]): CategoryGroup[] {
  const groups = new Map<string, CatalogModule[]>();
  for (const m of [...modules].sort((a, b) => a.no - b.no)) {
    const list = groups.get(m.category);
    if (list) list.push(m);
    else groups.set(m.category, [m]);
  }
  return [...groups].map(([category, list]) => ({ category, modules: list }));
}

/** Case-insensitive match on names, key and description. */
export function matchesSearch(module: CatalogModule, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [module.nameZh, module.nameEn, module.key, module.description, module.category].some((s) =>
    s.toLowerCase().includes(q),
  );
}
