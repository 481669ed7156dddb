import type { Component } from 'vue';
import {
  Box,
  Collection,
  DataAnalysis,
  Document,
  Grid,
  HomeFilled,
  Monitor,
  Notebook,
  OfficeBuilding,
  Reading,
  Setting,
  Shop,
  Tools,
} from '@element-plus/icons-vue';

/** Icons a manifest's menu entry may name (`icon`); anything else gets `Grid`. */
const ICONS: Record<string, Component> = {
  Box,
  Collection,
  DataAnalysis,
  Document,
  Grid,
  HomeFilled,
  Monitor,
  Notebook,
  OfficeBuilding,
  Reading,
  Setting,
  Shop,
  Tools,
};

export function menuIcon(name: string | undefined): Component {
  if (!name) return Grid;
  const pascal = name.replace(/(^|[-_ ])(\w)/g, (_m, _sep: string, c: string) => c.toUpperCase());
  return ICONS[name] ?? ICONS[pascal] ?? Grid;
}

export const baseIcons = { workbench: HomeFilled, store: Shop, tenants: OfficeBuilding };
