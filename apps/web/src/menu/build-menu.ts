import type { CatalogModule } from '@mes/shared';
import type { ShellMenuItem } from '@mes/web-core';
import { baseIcons, menuIcon } from './menu-icons';

export interface MenuContext {
  /** Signed in at the platform scope (operator). */
  isPlatform: boolean;
  /** Module keys active for the tenant (`/auth/me` modules). */
  activeModules: readonly string[];
  catalog: readonly CatalogModule[];
  isZh: boolean;
  t: (key: string) => string;
  /** Whether the web app has a page at `path` (menu entries of modules without pages are hidden). */
  hasRoute?: (path: string) => boolean;
  /** Whether the user holds a permission; omitted → everything allowed. */
  can?: (permission: string) => boolean;
}

/**
 * The side menu: 工作台, 应用市场 and, for each active module in catalog order, its catalog menu
 * entries (one entry → a menu item; several → a sub-menu named after the module). Modules that share
 * pages (主生产计划 and 车间计划管理) list the same paths: a path already in the menu is not shown again.
 * The operator gets 工作台 and 租户管理.
 */
export function buildMenu(ctx: MenuContext): ShellMenuItem[] {
  const can = ctx.can ?? (() => true);
  const items: ShellMenuItem[] = [
    { key: 'workbench', title: ctx.t('nav.workbench'), path: '/workbench', icon: baseIcons.workbench },
  ];
  if (ctx.isPlatform) {
    if (can('platform.tenants:read')) {
      items.push({
        key: 'tenants',
        title: ctx.t('nav.tenants'),
        path: '/platform/tenants',
        icon: baseIcons.tenants,
      });
    }
    return items;
  }
  items.push({ key: 'store', title: ctx.t('nav.store'), path: '/store', icon: baseIcons.store });

  const active = new Set(ctx.activeModules);
  const modules = [...ctx.catalog].filter((m) => active.has(m.key)).sort((a, b) => a.no - b.no);
  const shown = new Set<string>();
  for (const module of modules) {
    const entries = module.menu
      .filter((e) => !ctx.hasRoute || ctx.hasRoute(e.path))
      .filter((e) => !shown.has(e.path))
      .map<ShellMenuItem>((e) => ({
        key: e.path,
        title: ctx.isZh || !e.titleEn ? e.titleZh : e.titleEn,
        path: e.path,
        icon: menuIcon(e.icon),
      }));
    for (const e of entries) if (e.path) shown.add(e.path);
    if (entries.length === 1 && entries[0]) items.push(entries[0]);
    else if (entries.length > 1) {
      items.push({
        key: `module:${module.key}`,
        title: ctx.isZh || !module.nameEn ? module.nameZh : module.nameEn,
        icon: entries[0]?.icon ?? menuIcon(undefined),
        children: entries,
      });
    }
  }
  return items;
}
