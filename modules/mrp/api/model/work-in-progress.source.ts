import type { MrpScheduledReceiptInput, MrpStockInput } from '@mes/mrp-engine';

/**
 * 在制 (work in progress): each open work order's remaining output as a scheduled receipt (`kind:
 * 'WO'`, `ref`: the work order no; due on `start` when it has no due date) and its components not yet
 * issued as allocations. Filled by the production-execution module's work orders (WorkOrderWip).
 */
export interface WorkInProgressSource {
  openWork(start: string): Promise<{ receipts: MrpScheduledReceiptInput[]; allocations: MrpStockInput[] }>;
}

export const MRP_WORK_IN_PROGRESS = Symbol('MRP_WORK_IN_PROGRESS');
