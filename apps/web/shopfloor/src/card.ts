import type { WorkOrderOperationView, WorkOrderView } from '@mes/shared';

const n = (s: string) => Number(s) || 0;

/** The operation to report on by default: the first one with work left (not done), else the last. */
export function defaultOperation(card: WorkOrderView): WorkOrderOperationView | null {
  return (
    card.operations.find((o) => o.status !== 'done') ?? card.operations[card.operations.length - 1] ?? null
  );
}

/** What an operation may still report without tolerance: its base (WO qty, or the previous op's good) − good − scrap. */
export function remaining(card: WorkOrderView, seq: number): number {
  const index = card.operations.findIndex((o) => o.seq === seq);
  const op = card.operations[index];
  if (!op) return 0;
  const prev = index > 0 ? card.operations[index - 1] : undefined;
  const base = prev ? n(prev.goodQty) : n(card.qty);
  return Math.max(0, base - n(op.goodQty) - n(op.scrapQty));
}

const fmt = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** The card as it will be once a queued report is applied (shown while offline). */
export function withReport(card: WorkOrderView, seq: number, good: string, scrap: string): WorkOrderView {
  return {
    ...card,
    status: card.status === 'released' ? 'in_progress' : card.status,
    operations: card.operations.map((o) =>
      o.seq === seq
        ? {
            ...o,
            goodQty: fmt(n(o.goodQty) + n(good)),
            scrapQty: fmt(n(o.scrapQty) + n(scrap)),
            status: o.status === 'pending' ? 'in_progress' : o.status,
          }
        : o,
    ),
  };
}
