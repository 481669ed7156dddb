import { describe, expect, it } from 'vitest';
import { catalogFixture } from '../testing/catalog-fixture';
import { Grid } from '@element-plus/icons-vue';
import { buildMenu, type MenuContext } from './build-menu';

const t = (key: string) =>
  ({ 'nav.workbench': '工作台', 'nav.store': '应用市场', 'nav.tenants': '租户管理' })[key] ?? key;
const ctx = (over: Partial<MenuContext>): MenuContext => ({
  isPlatform: false,
  activeModules: [],
  catalog: catalogFixture,
  isZh: true,
  t,
  ...over,
});
const titles = (items: ReturnType<typeof buildMenu>) => items.map((i) => i.title);

describe('buildMenu', () => {
  it('shows the workbench and the store to a tenant without subscriptions', () => {
    const items = buildMenu(ctx({ activeModules: ['master-data'] }));
    expect(titles(items)).toEqual(['工作台', '应用市场']);
    expect(items.map((i) => i.path)).toEqual(['/workbench', '/store']);
  });

  it('adds the catalog menu entries of active modules only', () => {
    const items = buildMenu(ctx({ activeModules: ['master-data', 'production-knowledge'] }));
    expect(titles(items)).toEqual(['工作台', '应用市场', '知识库']);
    expect(items[2]).toMatchObject({
      key: '/production-knowledge/articles',
      path: '/production-knowledge/articles',
    });
    expect(items[2]?.icon).toBeDefined();
  });

  it('drops an entry as soon as the module is no longer active', () => {
    const before = buildMenu(ctx({ activeModules: ['production-knowledge'] }));
    const after = buildMenu(ctx({ activeModules: [] }));
    expect(titles(before)).toContain('知识库');
    expect(titles(after)).not.toContain('知识库');
  });

  it('groups several entries of a module under its name, in catalog order', () => {
    const items = buildMenu(ctx({ activeModules: ['warehousing', 'production-knowledge'] }));
    expect(titles(items)).toEqual(['工作台', '应用市场', '知识库', '仓储管理']);
    expect(items[3]?.children?.map((c) => c.title)).toEqual(['库存', '出入库']);
  });

  it('uses the English titles in en-US', () => {
    const items = buildMenu(ctx({ activeModules: ['production-knowledge', 'warehousing'], isZh: false }));
    expect(titles(items).slice(2)).toEqual(['Knowledge base', 'Warehousing']);
  });

  it('hides entries the web app has no page for', () => {
    const items = buildMenu(
      ctx({
        activeModules: ['production-knowledge', 'warehousing'],
        hasRoute: (p) => p.startsWith('/production-knowledge'),
      }),
    );
    expect(titles(items)).toEqual(['工作台', '应用市场', '知识库']);
  });

  it('gives the operator the workbench and tenant management, no store', () => {
    const items = buildMenu(ctx({ isPlatform: true, activeModules: ['production-knowledge'] }));
    expect(titles(items)).toEqual(['工作台', '租户管理']);
    expect(titles(buildMenu(ctx({ isPlatform: true, can: () => false })))).toEqual(['工作台']);
  });

  it('shows the always-on 主数据管理 entries as a sub-menu with their own icons', () => {
    const menu = [
      { path: '/master-data/items', titleZh: '物料', titleEn: 'Items', icon: 'Goods' },
      { path: '/master-data/boms', titleZh: '物料清单(BOM)', titleEn: 'BOMs', icon: 'Share' },
      { path: '/master-data/units', titleZh: '计量单位', titleEn: 'Units', icon: 'ScaleToOriginal' },
      { path: '/master-data/warehouses', titleZh: '仓库库位', titleEn: 'Warehouses', icon: 'House' },
      { path: '/master-data/customers', titleZh: '客户', titleEn: 'Customers', icon: 'User' },
      { path: '/master-data/suppliers', titleZh: '供应商', titleEn: 'Suppliers', icon: 'Van' },
    ];
    const catalog = catalogFixture.map((m) => (m.key === 'master-data' ? { ...m, menu } : m));
    const items = buildMenu(ctx({ catalog, activeModules: ['master-data'] }));
    expect(titles(items)).toEqual(['工作台', '应用市场', '主数据管理']);
    expect(items[2]?.children?.map((c) => c.path)).toEqual(menu.map((e) => e.path));
    expect(items[2]?.children?.every((c) => c.icon && c.icon !== Grid)).toBe(true);
  });

  it('shows the pages two subscribed modules share once, under the first of them', () => {
    const menu = [
      { path: '/scheduling/gantt', titleZh: '排程甘特图', titleEn: 'Gantt', icon: 'Histogram' },
      { path: '/scheduling/runs', titleZh: '排产运算', titleEn: 'Scheduling runs', icon: 'Cpu' },
    ];
    const scheduling = (key: string, no: number, nameZh: string) => ({
      ...catalogFixture[0]!,
      key,
      no,
      nameZh,
      alwaysOn: false,
      menu,
    });
    const catalog = [
      ...catalogFixture,
      scheduling('shop-scheduling', 32, '车间计划管理'),
      scheduling('master-scheduling', 22, '主生产计划'),
    ];
    const both = buildMenu(ctx({ catalog, activeModules: ['master-scheduling', 'shop-scheduling'] }));
    expect(titles(both)).toEqual(['工作台', '应用市场', '主生产计划']);
    expect(both[2]?.children?.map((c) => c.path)).toEqual(['/scheduling/gantt', '/scheduling/runs']);
    const paths = both.flatMap((i) => [i.path, ...(i.children ?? []).map((c) => c.path)]).filter(Boolean);
    expect(new Set(paths).size).toBe(paths.length);
    const shopOnly = buildMenu(ctx({ catalog, activeModules: ['shop-scheduling'] }));
    expect(titles(shopOnly)).toEqual(['工作台', '应用市场', '车间计划管理']);
    expect(shopOnly[2]?.children).toHaveLength(2);
  });
});
