import { lowLevelCodes } from './low-level-codes';
import type { PlanBom } from './normalized-model';
import { QTY_ONE, lineFactor } from './quantity';

/** A BOM from [parent, child] index pairs. */
function bomOf(n: number, lines: [number, number][]): PlanBom {
  const sorted = lines.map((line, source) => ({ line, source })).sort((a, b) => a.line[0] - b.line[0]);
  const lineStart = new Int32Array(n + 1);
  for (const { line } of sorted) lineStart[line[0] + 1]!++;
  for (let i = 0; i < n; i++) lineStart[i + 1]! += lineStart[i]!;
  return {
    lineStart,
    child: Int32Array.from(sorted.map((s) => s.line[1])),
    factor: sorted.map(() => lineFactor(QTY_ONE, 0)),
    source: Int32Array.from(sorted.map((s) => s.source)),
  };
}

describe('low-level codes', () => {
  it('is the deepest level an item is used on', () => {
    // 0 → 1 → 2 → 3, and 0 → 3 directly: 3 still gets code 3; 4 stands alone.
    const codes = lowLevelCodes(
      ['A', 'B', 'C', 'D', 'E'],
      bomOf(5, [
        [0, 1],
        [1, 2],
        [2, 3],
        [0, 3],
      ]),
    );
    expect([...codes]).toEqual([0, 1, 2, 3, 0]);
  });

  it('reports a cycle behind acyclic items, rotated to start at its first item', () => {
    expect(() =>
      lowLevelCodes(
        ['R', 'P', 'Q', 'S'],
        bomOf(4, [
          [0, 2],
          [2, 3],
          [3, 1],
          [1, 2],
        ]),
      ),
    ).toThrow('BOM cycle: P → Q → S → P');
  });
});
