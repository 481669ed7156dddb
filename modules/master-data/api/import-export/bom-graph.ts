import { findBomCycle } from '../bom/bom-cycle';

/**
 * Every cycle of a BOM graph (parent → components), found once for the whole graph: Tarjan's
 * strongly connected components (iterative, O(V + E)), then one concrete cycle per component that
 * has one — a node with a line to itself, or a component of two or more nodes — traced with
 * findBomCycle inside that component. Each cycle is a path that starts and ends at the same node.
 */
export function findAllCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const nodes = new Set<string>();
  for (const [parent, children] of edges) {
    nodes.add(parent);
    for (const child of children) nodes.add(child);
  }

  for (const root of nodes) {
    if (index.has(root)) continue;
    // Each frame: the node and the position of the next child to visit.
    const frames: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (frames.length) {
      const frame = frames[frames.length - 1] as { node: string; next: number };
      const children = edges.get(frame.node) ?? [];
      if (frame.next < children.length) {
        const child = children[frame.next++] as string;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter);
          counter++;
          stack.push(child);
          onStack.add(child);
          frames.push({ node: child, next: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(child) ?? 0));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }

  const cycles: string[][] = [];
  for (const component of components) {
    const [first] = component;
    if (first === undefined) continue;
    if (component.length === 1) {
      if ((edges.get(first) ?? []).includes(first)) cycles.push([first, first]);
      continue;
    }
    const members = new Set(component);
    const inside = new Map<string, string[]>();
    for (const node of component)
      inside.set(
        node,
        (edges.get(node) ?? []).filter((c) => members.has(c)),
      );
    const cycle = findBomCycle(inside, first, inside.get(first) ?? []);
    if (cycle) cycles.push(cycle);
  }
  return cycles;
}
