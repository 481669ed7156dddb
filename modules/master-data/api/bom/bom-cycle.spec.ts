import { findBomCycle } from './bom-cycle';

const graph = (pairs: [string, string][]) => {
  const edges = new Map<string, string[]>();
  for (const [p, c] of pairs) edges.set(p, [...(edges.get(p) ?? []), c]);
  return edges;
};

describe('findBomCycle', () => {
  it('finds a direct self-reference', () => {
    expect(findBomCycle(new Map(), 'A', ['A'])).toEqual(['A', 'A']);
  });

  it('names the whole cycle in order, parent first and last', () => {
    // DRILL → MOTOR → ROTOR exists; adding ROTOR → DRILL closes DRILL → MOTOR → ROTOR → DRILL... seen from ROTOR:
    const edges = graph([
      ['DRILL', 'MOTOR'],
      ['MOTOR', 'ROTOR'],
      ['MOTOR', 'SCREW'],
    ]);
    expect(findBomCycle(edges, 'ROTOR', ['SHAFT', 'DRILL'])).toEqual(['ROTOR', 'DRILL', 'MOTOR', 'ROTOR']);
  });

  it('accepts diamonds and shared components (a DAG is not a cycle)', () => {
    const edges = graph([
      ['A', 'B'],
      ['A', 'C'],
      ['B', 'D'],
      ['C', 'D'],
    ]);
    expect(findBomCycle(edges, 'E', ['A', 'D'])).toBeNull();
    expect(findBomCycle(edges, 'A', ['D'])).toBeNull();
  });

  it('stays linear on a long chain', () => {
    const n = 20_000;
    const edges = graph(Array.from({ length: n }, (_, i) => [`I${i}`, `I${i + 1}`] as [string, string]));
    const cycle = findBomCycle(edges, `I${n}`, ['I0']);
    expect(cycle).toHaveLength(n + 2);
    expect(cycle?.[0]).toBe(`I${n}`);
    expect(cycle?.[1]).toBe('I0');
    expect(cycle?.at(-1)).toBe(`I${n}`);
  });
});
