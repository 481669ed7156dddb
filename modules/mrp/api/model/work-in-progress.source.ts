import { Injectable } from '@nestjs/common';
import type { MrpScheduledReceiptInput, MrpStockInput } from '@mes/mrp-engine';

/**
 * 在制 (work in progress), the seam the shop-floor module (production-execution) will fill: each
 * open work order's remaining output as a scheduled receipt (`kind: 'WO'`, `ref`: the work order no)
 * and its components not yet issued as allocations. Provide your own implementation for
 * `MRP_WORK_IN_PROGRESS` (see MrpModule) once work orders exist.
 */
export interface WorkInProgressSource {
  openWork(): Promise<{ receipts: MrpScheduledReceiptInput[]; allocations: MrpStockInput[] }>;
}

export const MRP_WORK_IN_PROGRESS = Symbol('MRP_WORK_IN_PROGRESS');

/** Today: there are no work orders yet (the shop-floor module is a later issue), so nothing is in progress. */
@Injectable()
export class NoWorkOrdersYet implements WorkInProgressSource {
  openWork(): Promise<{ receipts: MrpScheduledReceiptInput[]; allocations: MrpStockInput[] }> {
    return Promise.resolve({ receipts: [], allocations: [] });
  }
}
