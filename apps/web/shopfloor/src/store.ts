/** What the tablet remembers in localStorage: recent operators, the last dispatch lists and work order cards. */
import type { DispatchListView, WipWorkCenter, WorkOrderView } from '@mes/shared';

const RECENT = 'mes.shopfloor.operators';
const CURRENT = 'mes.shopfloor.operator';
const CARDS = 'mes.shopfloor.cards';
const LISTS = 'mes.shopfloor.dispatch';
const WIP = 'mes.shopfloor.wip';
const ME = 'mes.shopfloor.me';
const CENTER = 'mes.shopfloor.center';

export interface OperatorRef {
  code: string;
  name: string;
  /** ms since the epoch of the last identification on this tablet. */
  at: number;
}

/** A dispatch list as the tablet shows it: from the published schedule, or from the WIP board. */
export interface TaskList {
  workCenterCode: string;
  source: 'schedule' | 'wip';
  fetchedAt: number;
  items: {
    workOrderId: string;
    workOrderNo: string;
    itemCode: string;
    itemName: string;
    seq: number;
    name: string;
    qty: string;
    start: string | null;
  }[];
}

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // full or private mode: the cache is a convenience
  }
}

/** Operators who identified on this tablet, most recent first (at most 6). */
export const recentOperators = () => read<OperatorRef[]>(RECENT, []);

export function rememberOperator(op: { code: string; name: string }, now = Date.now()): OperatorRef {
  const ref = { code: op.code, name: op.name, at: now };
  write(RECENT, [ref, ...recentOperators().filter((o) => o.code !== op.code)].slice(0, 6));
  write(CURRENT, ref);
  return ref;
}

export const currentOperator = () => read<OperatorRef | null>(CURRENT, null);
export const clearCurrentOperator = () => {
  localStorage.removeItem(CURRENT);
};

/** Quick switching without the PIN within a shift (8 h) of the operator's last identification here. */
export const QUICK_SWITCH_MS = 8 * 3600_000;

export function cachedCards(): Record<string, WorkOrderView> {
  return read<Record<string, WorkOrderView>>(CARDS, {});
}

export function cacheCard(card: WorkOrderView): void {
  // The 40 most recently shown, the latest last.
  const kept = Object.entries(cachedCards()).filter(([no]) => no !== card.no);
  write(CARDS, Object.fromEntries([...kept, [card.no, card]].slice(-40)));
}

export function cachedCard(noOrId: string): WorkOrderView | null {
  const cards = cachedCards();
  return (
    cards[noOrId] ??
    Object.values(cards).find((c) => c.id === noOrId || c.no.toLowerCase() === noOrId.toLowerCase()) ??
    null
  );
}

export const cachedList = (code: string) => read<Record<string, TaskList>>(LISTS, {})[code] ?? null;
export function cacheList(list: TaskList): void {
  write(LISTS, { ...read<Record<string, TaskList>>(LISTS, {}), [list.workCenterCode]: list });
}

export const cachedWip = () => read<WipWorkCenter[]>(WIP, []);
export const cacheWip = (wip: WipWorkCenter[]) => {
  write(WIP, wip);
};

export const cachedMe = () => read<{ user: string; tenant: string } | null>(ME, null);
export const cacheMe = (me: { user: string; tenant: string } | null) => {
  write(ME, me);
};

export const savedCenter = () => read<string | null>(CENTER, null);
export const saveCenter = (code: string | null) => {
  write(CENTER, code);
};

export function fromDispatch(view: DispatchListView, now = Date.now()): TaskList {
  return {
    workCenterCode: view.workCenterCode,
    source: 'schedule',
    fetchedAt: now,
    items: view.items.map((i) => ({
      workOrderId: i.workOrderId,
      workOrderNo: i.workOrderNo,
      itemCode: i.itemCode,
      itemName: i.itemName,
      seq: i.seq,
      name: i.name,
      qty: i.qty,
      start: i.start,
    })),
  };
}

export function fromWip(code: string, wip: WipWorkCenter[], now = Date.now()): TaskList {
  const center = wip.find((c) => c.workCenterCode === code);
  const ops = center ? [...center.inProgress, ...center.pending] : [];
  return {
    workCenterCode: code,
    source: 'wip',
    fetchedAt: now,
    items: ops.map((o) => ({
      workOrderId: o.workOrderId,
      workOrderNo: o.workOrderNo,
      itemCode: o.itemCode,
      itemName: o.itemName,
      seq: o.seq,
      name: o.name,
      qty: o.remainingQty,
      start: null,
    })),
  };
}
