import { ConflictError } from '@mes/platform';
import { ErrorCode } from '@mes/shared';

export interface Shortage {
  field: string;
  itemCode: string;
  warehouseCode: string;
  requested: string;
  available: string;
}

/** 409 INSUFFICIENT_STOCK: naming each line that would take more than is available. */
export class InsufficientStockError extends ConflictError {
  constructor(readonly shortages: Shortage[]) {
    super(
      ErrorCode.INSUFFICIENT_STOCK,
      `库存不足 / insufficient stock: ${shortages
        .map((s) => `${s.itemCode}@${s.warehouseCode} 需要 ${s.requested}，可用 ${s.available}`)
        .join('; ')}`,
      shortages.map((s) => ({
        field: s.field,
        message: `${s.itemCode}@${s.warehouseCode}: requested ${s.requested}, available ${s.available}`,
      })),
    );
  }
}
