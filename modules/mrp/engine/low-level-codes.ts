import { nth } from './arrays';
import { MrpModelError } from './mrp-model-error';
import type { PlanBom } from './normalized-model';

/**
 * Low-level codes: 0 for items no BOM uses, otherwise 1 + the deepest parent's code, so netting in
 * code order plans every parent before any of its children. Kahn's topological sort, iterative (a
 * deep BOM cannot overflow the stack). Items left over sit on or behind a cycle: one cycle is
 * walked and reported as `MrpModelError` naming its item codes in order.
 */
export function lowLevelCodes(itemCodes: readonly string[], bom: PlanBom): Int32Array {
  const n = itemCodes.length;
  const parentCount = new Int32Array(n);
  for (let line = 0; line < bom.child.length; line++) {
    const child = nth(bom.child, line);
    parentCount[child] = nth(parentCount, child) + 1;
  }

  const codes = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let item = 0; item < n; item++) if (parentCount[item] === 0) queue[tail++] = item;
  while (head < tail) {
    const parent = nth(queue, head++);
    const next = nth(codes, parent) + 1;
    for (let line = nth(bom.lineStart, parent); line < nth(bom.lineStart, parent + 1); line++) {
      const child = nth(bom.child, line);
      if (nth(codes, child) < next) codes[child] = next;
      const waiting = nth(parentCount, child) - 1;
      parentCount[child] = waiting;
      if (waiting === 0) queue[tail++] = child;
    }
  }
  if (tail < n) throw cycleError(itemCodes, bom, parentCount);
  return codes;
}

/** Items with parentCount > 0 each have a parent that is also left over: walk parents until one repeats. */
function cycleError(itemCodes: readonly string[], bom: PlanBom, parentCount: Int32Array): MrpModelError {
  const n = itemCodes.length;
  const leftParent = new Int32Array(n).fill(-1);
  const leftLine = new Int32Array(n).fill(-1);
  for (let parent = 0; parent < n; parent++) {
    if (parentCount[parent] === 0) continue;
    for (let line = nth(bom.lineStart, parent); line < nth(bom.lineStart, parent + 1); line++) {
      const child = nth(bom.child, line);
      if (nth(parentCount, child) > 0 && leftParent[child] === -1) {
        leftParent[child] = parent;
        leftLine[child] = nth(bom.source, line);
      }
    }
  }
  let first = 0;
  while (parentCount[first] === 0) first++;
  const seenAt = new Int32Array(n).fill(-1);
  const walk: number[] = [];
  let item = first;
  while (seenAt[item] === -1) {
    seenAt[item] = walk.length;
    walk.push(item);
    item = nth(leftParent, item);
  }
  // walk goes child → parent; the cycle is walk[seenAt[item]..], reversed to parent → child order.
  const cycle = walk.slice(seenAt[item]).reverse();
  let smallest = 0;
  for (let i = 1; i < cycle.length; i++) if (nth(cycle, i) < nth(cycle, smallest)) smallest = i;
  const ordered = [...cycle.slice(smallest), ...cycle.slice(0, smallest)];
  const codes = [...ordered, nth(ordered, 0)].map((index) => nth(itemCodes, index));
  const closing = nth(leftLine, nth(ordered, 0));
  return new MrpModelError(
    [{ field: `bom[${closing}].child`, message: `BOM cycle: ${codes.join(' → ')}` }],
    codes,
  );
}
