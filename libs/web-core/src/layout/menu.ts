import type { Component } from 'vue';

/** One entry of the side menu. An entry with children is a sub-menu. */
export interface ShellMenuItem {
  /** Unique; also the `data-testid` suffix (`menu-<key>`). */
  key: string;
  title: string;
  path?: string;
  icon?: Component;
  children?: ShellMenuItem[];
}

function flatten(items: readonly ShellMenuItem[]): ShellMenuItem[] {
  return items.flatMap((i) => [i, ...flatten(i.children ?? [])]);
}

/** The menu path that should look active for `routePath`: the longest path that prefixes it. */
export function activeMenuPath(items: readonly ShellMenuItem[], routePath: string): string {
  let best = '';
  for (const item of flatten(items)) {
    const p = item.path;
    if (!p) continue;
    const matches = p === '/' ? routePath === '/' : routePath === p || routePath.startsWith(`${p}/`);
    if (matches && p.length > best.length) best = p;
  }
  return best || routePath;
}
