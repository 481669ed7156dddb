import type { BomTreeNode } from '@mes/shared';

const HEADER = [
  '层级 Level',
  '物料编码 Item',
  '物料名称 Name',
  '单位 Unit',
  '单位用量 Qty per',
  '累计用量 Total qty',
  'BOM 版本 Version',
];

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The classic indented BOM: one row per node in depth-first order, the level written as dots and a
 * number (".1", "..2") so it sorts and reads like an ERP printout. UTF-8 with a byte-order mark so
 * Excel opens the Chinese correctly.
 */
export function indentedBomCsv(root: BomTreeNode): string {
  const rows: string[][] = [HEADER];
  const walk = (node: BomTreeNode) => {
    rows.push([
      node.level === 0 ? '0' : `${'.'.repeat(node.level)}${node.level}`,
      node.itemCode,
      node.itemName,
      node.unit,
      node.qtyPer,
      node.totalQty,
      node.bomVersion ?? '',
    ]);
    node.children.forEach(walk);
  };
  walk(root);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
