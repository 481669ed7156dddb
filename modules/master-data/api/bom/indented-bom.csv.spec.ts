import type { BomTreeNode } from '@mes/shared';
import { indentedBomCsv } from './indented-bom.csv';

const node = (
  itemCode: string,
  level: number,
  qtyPer: string,
  totalQty: string,
  children: BomTreeNode[] = [],
): BomTreeNode => ({
  itemCode,
  itemName: `名称 "${itemCode}", 规格`,
  level,
  qtyPer,
  totalQty,
  unit: '个',
  bomVersion: children.length ? '1' : null,
  children,
});

describe('indentedBomCsv', () => {
  it('writes one row per node, depth first, with dotted levels, quoting what needs it', () => {
    const csv = indentedBomCsv(
      node('DRL', 0, '1', '1', [
        node('MTR', 1, '1', '1', [node('WIRE', 2, '0.18', '0.1854')]),
        node('SCR', 1, '8', '8.16'),
      ]),
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['0', '.1', '..2', '.1']);
    expect(lines[3]).toBe('..2,WIRE,"名称 ""WIRE"", 规格",个,0.18,0.1854,');
    expect(lines[1]).toContain(',1,1,1');
  });
});
