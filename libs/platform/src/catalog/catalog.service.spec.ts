import { CatalogService } from './catalog.service';
import type { ModuleManifest } from './module-manifest';

const manifest = (key: string, dependsOn: string[] = []): ModuleManifest => ({
  key,
  nameZh: key,
  nameEn: key,
  dependsOn,
  permissions: {},
  menu: [],
  meters: [],
});

describe('CatalogService', () => {
  const catalog = new CatalogService([
    manifest('warehousing'),
    manifest('mrp', ['warehousing', 'master-data']),
  ]);

  it('lists all 51 scenario modules with decimal-string prices', () => {
    const modules = catalog.list();
    expect(modules).toHaveLength(51);
    expect(catalog.find('spc')).toMatchObject({
      priceWan: '15.00',
      pricing: 'list',
      category: '质量管理',
      available: false,
    });
    expect(catalog.find('energy')).toMatchObject({ priceWan: null, pricing: 'quote' });
    for (const m of modules) expect(m.priceWan === null || /^\d+\.\d{2}$/.test(m.priceWan)).toBe(true);
  });

  it('marks manifests and master-data available; master-data is always on and never a dependency', () => {
    expect(catalog.find('master-data')).toMatchObject({ available: true, alwaysOn: true, priceWan: '0.00' });
    expect(catalog.find('mrp')).toMatchObject({ available: true, dependsOn: ['warehousing'] });
  });

  it('orders dependencies first and finds dependents', () => {
    expect(catalog.withDependencies('mrp')).toEqual(['warehousing', 'mrp']);
    expect(catalog.dependentsOf('warehousing', ['mrp', 'spc'])).toEqual(['mrp']);
  });

  it('refuses a manifest that is not in the catalog', () => {
    expect(() => new CatalogService([manifest('not-a-module')])).toThrow(/not in the catalog/);
  });
});
