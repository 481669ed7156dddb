/**
 * Would giving `parent` the components `children` close a cycle in the BOM graph `edges`
 * (parent → child)? Returns the cycle as a path that starts and ends at `parent`
 * (parent → child → … → parent), or null. Iterative DFS, O(V + E).
 */
export function findBomCycle(
  edges: ReadonlyMap<string, readonly string[]>,
  parent: string,
  children: readonly string[],
): string[] | null {
  const cameFrom = new Map<string, string>();
  const stack: string[] = [];
  for (const child of children) {
    if (child === parent) return [parent, parent];
    if (!cameFrom.has(child)) {
      cameFrom.set(child, parent);
      stack.push(child);
    }
  }
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const next of edges.get(node) ?? []) {
      if (next === parent) {
        // Walk back from `node` to `parent` along the tree the search built.
        const back: string[] = [];
        for (let at = node; at !== parent; at = cameFrom.get(at) ?? parent) back.push(at);
        return [parent, ...back.reverse(), parent];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        stack.push(next);
      }
    }
  }
  return null;
}
