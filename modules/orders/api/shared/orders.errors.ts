import { ConflictError } from '@mes/platform';
import { ErrorCode, OrdersErrorCode, type ApiErrorDetail } from '@mes/shared';

/** 409 OVER_SHIPMENT: a shipment would send more than a line still has to ship. */
export class OverShipmentError extends ConflictError {
  constructor(details: ApiErrorDetail[]) {
    super(
      ErrorCode.OVER_SHIPMENT,
      `发货数量超过订单未发数量 / shipping more than the order still has to ship: ${details
        .map((d) => d.message)
        .join('; ')}`,
      details,
    );
  }
}

/** 409 OVER_RETURN: a return would take back more than was shipped and not yet returned. */
export class OverReturnError extends ConflictError {
  constructor(details: ApiErrorDetail[]) {
    super(
      ErrorCode.OVER_RETURN,
      `退货数量超过已发货未退数量 / returning more than was shipped: ${details.map((d) => d.message).join('; ')}`,
      details,
    );
  }
}

/** 409 NOTHING_TO_PRODUCE: no make item of the order is short of stock. */
export class NothingToProduceError extends ConflictError {
  constructor() {
    super(
      OrdersErrorCode.NOTHING_TO_PRODUCE,
      '没有需要生产的自制件缺口 / no make item of this order needs production',
      [{ field: 'lines', message: 'no make item is short of stock' }],
    );
  }
}
