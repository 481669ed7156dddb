import { ConflictError } from '@mes/platform';
import { ErrorCode, type ApiErrorDetail } from '@mes/shared';

/** One line that would take a purchase order line past what it allows. */
export interface LineExcess {
  field: string;
  lineNo: number;
  itemCode: string;
  requested: string;
  /** The most this line may still take. */
  allowed: string;
}

function english(excess: LineExcess[], what: 'receiving' | 'returning'): string {
  return excess
    .map((e) => `line ${e.lineNo} ${e.itemCode} ${what} ${e.requested}, at most ${e.allowed}`)
    .join('; ');
}

function details(excess: LineExcess[], what: 'receiving' | 'returning'): ApiErrorDetail[] {
  const zh = what === 'receiving' ? '最多还可收' : '最多可退';
  return excess.map((e) => ({
    field: e.field,
    message: `第 ${e.lineNo} 行 ${e.itemCode}：本次 ${e.requested}，${zh} ${e.allowed} / line ${e.lineNo} (${e.itemCode}): ${what} ${e.requested}, at most ${e.allowed} allowed`,
  }));
}

/** 409 OVER_RECEIPT: receiving more than ordered × (1 + tolerance) − already received. */
export class OverReceiptError extends ConflictError {
  constructor(readonly excess: LineExcess[]) {
    super(
      ErrorCode.OVER_RECEIPT,
      `超出订单可收数量：${excess
        .map((e) => `第 ${e.lineNo} 行 ${e.itemCode} 本次 ${e.requested}，最多还可收 ${e.allowed}`)
        .join('；')} / receipt exceeds the order: ${english(excess, 'receiving')}`,
      details(excess, 'receiving'),
    );
  }
}

/** 409 OVER_RETURN: returning more than was received and not yet returned. */
export class OverReturnError extends ConflictError {
  constructor(readonly excess: LineExcess[]) {
    super(
      ErrorCode.OVER_RETURN,
      `超出可退数量：${excess
        .map((e) => `第 ${e.lineNo} 行 ${e.itemCode} 本次 ${e.requested}，最多可退 ${e.allowed}`)
        .join('；')} / return exceeds what was received: ${english(excess, 'returning')}`,
      details(excess, 'returning'),
    );
  }
}
