import { ConflictError } from '@mes/platform';
import { ErrorCode } from '@mes/shared';

/** 409 naming the cycle the new lines would close, in order: A → B → … → A. */
export class BomCycleError extends ConflictError {
  constructor(readonly cycle: string[]) {
    super(
      ErrorCode.BOM_CYCLE,
      `BOM 存在循环引用：${cycle.join(' → ')} / BOM cycle: ${cycle.join(' -> ')}`,
      cycle.map((code) => ({ field: 'lines', message: code })),
    );
  }
}
