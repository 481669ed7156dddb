/**
 * Work orders feeding work orders (pegging, as an APS pegs supply to demand): a work order C feeds a
 * work order P when C's item is a component of P's item (default BOM in effect). Per component item,
 * the parents' needs in priority order — due date (none last), then priority (larger first), then work
 * order no — are covered greedily, first by the free stock of the component (on hand − reserved, there
 * at once), then by the child work orders' supply in the same order. A parent's need is what it still
 * has to receive (`needs`: need − issued − reserved for it) or, without it, P.qty × qtyPer ×
 * (1 + scrapRate). Every (child, parent) pair that receives a positive quantity becomes a link
 * child → parent: the child must end before the parent starts. Pure.
 */
import { Dec, plainDecimal } from '@mes/shared';

export interface PeggingJob {
  /** The job's index in the engine problem; null: not in it (its quantities still count, never linked). */
  index: number | null;
  no: string;
  itemCode: string;
  /** As a parent: the quantity to make (the components it needs follow from it). */
  qty: string;
  /** As a child: what it still delivers (default: qty). */
  supplyQty?: string;
  dueDate: string | null;
  /** Larger = more urgent. */
  priority: number;
  /** Its first operation is fixed (started on the floor or locked): it takes its share, waits for nothing. */
  fixedStart?: boolean;
  /**
   * As a parent: per component item code, what it still needs (required − issued − reserved for it);
   * a component not listed needs nothing. Absent: the BOM rule qty × qtyPer × (1 + scrapRate).
   */
  needs?: ReadonlyMap<string, string>;
}

export interface PeggingBomLine {
  parent: string;
  child: string;
  qtyPer: string;
  scrapRate: string;
}

export interface WorkOrderLink {
  /** The child (feeding) job: ends before `after` starts. */
  before: number;
  /** The parent (consuming) job. */
  after: number;
  childNo: string;
  parentNo: string;
  /** The child's output pegged to the parent. */
  qty: string;
}

/** Due date (none last), then priority (larger first), then work order no. */
function byUrgency(a: PeggingJob, b: PeggingJob): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.no < b.no ? -1 : a.no > b.no ? 1 : 0;
}

/**
 * The links between work orders: ordered by component item code, then by parent and child in pegging
 * order. A link that would close a cycle (a BOM cycle) is left out, so the result is always acyclic.
 */
export function workOrderLinks(
  jobs: readonly PeggingJob[],
  bomLines: readonly PeggingBomLine[],
  /** Free stock (on hand − reserved) per component item code; an item not listed: none (unknown). */
  stock: ReadonlyMap<string, string> = new Map(),
): WorkOrderLink[] {
  // Per child item: the parent items using it and how much per unit of the parent (lines summed).
  const usedBy = new Map<string, Map<string, Dec>>();
  for (const line of bomLines) {
    const perUnit = new Dec(line.qtyPer).times(new Dec(1).plus(line.scrapRate));
    if (perUnit.lte(0)) continue;
    const parents = usedBy.get(line.child) ?? new Map<string, Dec>();
    parents.set(line.parent, (parents.get(line.parent) ?? new Dec(0)).plus(perUnit));
    usedBy.set(line.child, parents);
  }
  const byItem = new Map<string, PeggingJob[]>();
  for (const job of jobs) {
    const list = byItem.get(job.itemCode);
    if (list) list.push(job);
    else byItem.set(job.itemCode, [job]);
  }

  const links: WorkOrderLink[] = [];
  const after = new Map<number, number[]>();
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>([from]);
    const stack = [from];
    while (stack.length > 0) {
      const j = stack.pop() ?? from;
      if (j === to) return true;
      for (const next of after.get(j) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  };

  for (const childItem of [...usedBy.keys()].sort()) {
    const parentItems = usedBy.get(childItem) ?? new Map<string, Dec>();
    const children = (byItem.get(childItem) ?? [])
      .map((job) => ({ job, left: new Dec(job.supplyQty ?? job.qty) }))
      .filter((c) => c.left.gt(0))
      .sort((a, b) => byUrgency(a.job, b.job));
    if (children.length === 0) continue;
    const parents = jobs.filter((j) => parentItems.has(j.itemCode)).sort(byUrgency);
    // Free stock is there at once: the parents take it, in the same order, before any child's supply.
    let free = Dec.max(new Dec(stock.get(childItem) ?? 0), 0);
    let c = 0;
    for (const parent of parents) {
      let need = parent.needs
        ? new Dec(parent.needs.get(childItem) ?? 0)
        : new Dec(parent.qty).times(parentItems.get(parent.itemCode) ?? 0);
      const fromStock = Dec.min(Dec.max(need, 0), free);
      need = need.minus(fromStock);
      free = free.minus(fromStock);
      while (need.gt(0) && c < children.length) {
        const child = children[c];
        if (!child) break;
        const take = Dec.min(need, child.left);
        need = need.minus(take);
        child.left = child.left.minus(take);
        if (child.left.lte(0)) c++;
        const b = child.job.index;
        const a = parent.index;
        if (b === null || a === null || b === a || parent.fixedStart || reaches(a, b)) continue;
        const next = after.get(b);
        if (next) next.push(a);
        else after.set(b, [a]);
        links.push({
          before: b,
          after: a,
          childNo: child.job.no,
          parentNo: parent.no,
          qty: plainDecimal(take),
        });
      }
      if (c >= children.length) break;
    }
  }
  return links;
}

/**
 * The component items that could carry a link: used (qtyPer > 0) by the item of some job and made by
 * some job with supply left. Only these need stock and remaining needs looked up. Sorted.
 */
export function peggedComponentItems(
  jobs: readonly PeggingJob[],
  bomLines: readonly PeggingBomLine[],
): string[] {
  const made = new Set(jobs.filter((j) => new Dec(j.supplyQty ?? j.qty).gt(0)).map((j) => j.itemCode));
  const needed = new Set(jobs.map((j) => j.itemCode));
  const items = new Set<string>();
  for (const line of bomLines) {
    if (!made.has(line.child) || !needed.has(line.parent)) continue;
    if (new Dec(line.qtyPer).times(new Dec(1).plus(line.scrapRate)).lte(0)) continue;
    items.add(line.child);
  }
  return [...items].sort();
}
