import type { Component } from 'vue';
import {
  Box,
  Calendar,
  Collection,
  Cpu,
  DataAnalysis,
  Document,
  Goods,
  Grid,
  HomeFilled,
  House,
  Monitor,
  Notebook,
  OfficeBuilding,
  Operation,
  Reading,
  ScaleToOriginal,
  Setting,
  Share,
  Shop,
  Tools,
  User,
  Van,
} from '@element-plus/icons-vue';

/** Icons a manifest's menu entry may name (`icon`); anything else gets `Grid`. */
const ICONS: Record<string, Component> = {
  Box,
  Calendar,
  Collection,
  Cpu,
  DataAnalysis,
  Document,
  Goods,
  Grid,
  HomeFilled,
  House,
  Monitor,
  Notebook,
  OfficeBuilding,
  Operation,
  Reading,
  ScaleToOriginal,
  Setting,
  Share,
  Shop,
  Tools,
  User,
  Van,
};

export function menuIcon(name: string | undefined): Component {
  if (!name) return Grid;
  const pascal = name.replace(/(^|[-_ ])(\w)/g, (_m, _sep: string, c: string) => c.toUpperCase());
  return ICONS[name] ?? ICONS[pascal] ?? Grid;
}

export const baseIcons = { workbench: HomeFilled, store: Shop, tenants: OfficeBuilding };
