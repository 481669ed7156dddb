import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresModule, RequirePermission } from '@mes/platform';
import type { OrderProgressRow, OrdersPage } from '@mes/shared';
import { ORDERS_MODULE_KEY, OrdersPermission } from '../manifest';
import { OrderProgressQueryDto } from './order-progress.dto';
import { OrderProgressService } from './order-progress.service';

@ApiTags('orders')
@ApiBearerAuth()
@RequiresModule(ORDERS_MODULE_KEY)
@Controller('orders/progress')
export class OrderProgressController {
  constructor(private readonly progress: OrderProgressService) {}

  /** 订单透视: one row per order line — ordered, reserved, in production, in stock, shipped. */
  @RequirePermission(OrdersPermission.READ)
  @Get()
  list(@Query() query: OrderProgressQueryDto): Promise<OrdersPage<OrderProgressRow>> {
    return this.progress.list(query);
  }
}
