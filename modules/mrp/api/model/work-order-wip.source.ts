import { Injectable } from '@nestjs/common';
import type { MrpScheduledReceiptInput, MrpStockInput } from '@mes/mrp-engine';
import { OpenWorkOrderSupply } from '@mes/production-execution-api';
import type { WorkInProgressSource } from './work-in-progress.source';

/**
 * 在制 from the shop floor (production-execution): each open work order's output still to come is a
 * scheduled receipt on its due date (the plan's start when it has none), kind `WO`, ref its number; the
 * components it still has to take (not issued, not reserved) are allocations.
 */
@Injectable()
export class WorkOrderWip implements WorkInProgressSource {
  constructor(private readonly supply: OpenWorkOrderSupply) {}

  async openWork(
    start: string,
  ): Promise<{ receipts: MrpScheduledReceiptInput[]; allocations: MrpStockInput[] }> {
    const lines = await this.supply.list();
    const receipts: MrpScheduledReceiptInput[] = [];
    const allocations: MrpStockInput[] = [];
    for (const line of lines) {
      if (line.outputQty !== '0') {
        receipts.push({
          item: line.itemCode,
          qty: line.outputQty,
          due: line.dueDate ?? start,
          kind: 'WO',
          ref: line.no,
        });
      }
      for (const c of line.components) allocations.push({ item: c.itemCode, qty: c.qty });
    }
    return { receipts, allocations };
  }
}
