import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission } from '@mes/platform';
import type { OrdersPage, WorkOrderRequestView } from '@mes/shared';
import { ORDERS_MODULE_KEY, OrdersPermission } from '../manifest';
import { WorkOrderRequestQueryDto } from './work-order-request.dto';
import { WorkOrderRequests } from './work-order-request.service';

@ApiTags('orders')
@ApiBearerAuth()
@RequiresModule(ORDERS_MODULE_KEY)
@Controller('orders/work-order-requests')
export class WorkOrderRequestController {
  constructor(private readonly requests: WorkOrderRequests) {}

  @RequirePermission(OrdersPermission.READ)
  @Get()
  list(@Query() query: WorkOrderRequestQueryDto): Promise<OrdersPage<WorkOrderRequestView>> {
    return this.requests.list(query);
  }

  @RequirePermission(OrdersPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<WorkOrderRequestView> {
    return this.requests.get(id);
  }

  @RequirePermission(OrdersPermission.WRITE)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', ParseId) id: string): Promise<WorkOrderRequestView> {
    return this.requests.cancel(id);
  }
}
