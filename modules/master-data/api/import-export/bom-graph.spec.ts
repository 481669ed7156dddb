import { findAllCycles } from './bom-graph';

const graph = (pairs: [string, string][]) => {
  const edges = new Map<string, string[]>();
  for (const [p, c] of pairs) edges.set(p, [...(edges.get(p) ?? []), c]);
  return edges;
};

describe('findAllCycles', () => {
  it('finds none in a DAG with shared components (diamonds)', () => {
    expect(
      findAllCycles(
        graph([
          ['A', 'B'],
          ['A', 'C'],
          ['B', 'D'],
          ['C', 'D'],
        ]),
      ),
    ).toEqual([]);
  });

  it('names each cycle as a closed path, one per strongly connected part', () => {
    const cycles = findAllCycles(
      graph([
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'A'],
        ['X', 'Y'],
        ['Y', 'X'],
        ['S', 'S'],
        ['C', 'D'],
      ]),
    );
    expect(cycles).toHaveLength(3);
    for (const cycle of cycles) expect(cycle[0]).toBe(cycle.at(-1));
    const sets = cycles.map((c) => [...new Set(c)].sort().join(''));
    expect(sets.sort()).toEqual(['ABC', 'S', 'XY']);
    // each step of a reported cycle is an edge of the graph
    const edges = new Set(['AB', 'BC', 'CA', 'XY', 'YX', 'SS', 'CD']);
    for (const cycle of cycles)
      for (let i = 0; i + 1 < cycle.length; i++) expect(edges.has(`${cycle[i]}${cycle[i + 1]}`)).toBe(true);
  });

  it('stays linear on a deep graph (no recursion limit)', () => {
    const n = 50_000;
    const pairs = Array.from({ length: n }, (_, i) => [`I${i}`, `I${i + 1}`] as [string, string]);
    expect(findAllCycles(graph(pairs))).toEqual([]);
    const cycles = findAllCycles(graph([...pairs, [`I${n}`, 'I0']]));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n + 2);
  });
});
