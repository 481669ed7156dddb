import { ConflictError } from '@mes/platform';
import {
  ErrorCode,
  ProductionExecutionErrorCode,
  type KitShortageDetail,
  type OverReportDetail,
} from '@mes/shared';

/** 409 KIT_SHORTAGE: releasing a work order whose components are short (unless forced). */
export class KitShortageError extends ConflictError {
  constructor(details: KitShortageDetail[]) {
    super(
      ErrorCode.KIT_SHORTAGE,
      `齐套检查未通过，物料短缺 / components are short: ${details
        .map((d) => `${d.itemCode} 需要 ${d.required}，可用 ${d.available}，缺 ${d.shortage}`)
        .join('; ')}`,
      details,
    );
  }
}

/** 409 OVER_REPORT: an operation reporting more than it may still report. */
export class OverReportError extends ConflictError {
  constructor(detail: OverReportDetail) {
    super(
      ErrorCode.OVER_REPORT,
      `报工数量超过工序可报数量 / reporting more than operation ${detail.operationSeq} may still report: requested ${detail.requested}, allowed ${detail.allowed}`,
      [detail],
    );
  }
}

/** 409 WORK_ORDER_PAUSED: reports wait until the work order is resumed. */
export class WorkOrderPausedError extends ConflictError {
  constructor(no: string) {
    super(
      ProductionExecutionErrorCode.WORK_ORDER_PAUSED,
      `工单 ${no} 已暂停，请先恢复再报工 / work order ${no} is paused: resume it before reporting`,
      [{ field: 'status', message: 'is paused' }],
    );
  }
}

/** 409 NOTHING_TO_ISSUE: every component has been issued already. */
export class NothingToIssueError extends ConflictError {
  constructor() {
    super(
      ProductionExecutionErrorCode.NOTHING_TO_ISSUE,
      '没有待发的物料 / nothing is left to issue for this work order',
      [{ field: 'lines', message: 'nothing left to issue' }],
    );
  }
}

/** A 409 naming a field other than the status (issue mode: INVALID_STATUS; split quantity: SPLIT_TOO_LARGE). */
export class WorkOrderConflictError extends ConflictError {
  constructor(field: string, message: string, code: string = ErrorCode.INVALID_STATUS) {
    super(code, message, [{ field, message }]);
  }
}
