import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type {
  ConfirmSalesOrderResult,
  ConvertToProductionResult,
  OrdersPage,
  SalesOrderSummary,
  SalesOrderView,
} from '@mes/shared';
import { ORDERS_MODULE_KEY, OrdersPermission } from '../manifest';
import { WorkOrderRequests } from '../production/work-order-request.service';
import { ConfirmSalesOrderDto, SalesOrderDto, SalesOrderQueryDto } from './sales-order.dto';
import { SalesOrderService } from './sales-order.service';

type TenantActorT = Actor & { tenantId: string };

@ApiTags('orders')
@ApiBearerAuth()
@RequiresModule(ORDERS_MODULE_KEY)
@Controller('orders/sales-orders')
export class SalesOrderController {
  constructor(
    private readonly orders: SalesOrderService,
    private readonly requests: WorkOrderRequests,
  ) {}

  @RequirePermission(OrdersPermission.READ)
  @Get()
  list(@Query() query: SalesOrderQueryDto): Promise<OrdersPage<SalesOrderSummary>> {
    return this.orders.list(query);
  }

  @RequirePermission(OrdersPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<SalesOrderView> {
    return this.orders.get(id);
  }

  /** A draft order; the consignee defaults to the customer's first contact and address. */
  @RequirePermission(OrdersPermission.WRITE)
  @Post()
  create(@TenantActor() actor: TenantActorT, @Body() dto: SalesOrderDto): Promise<SalesOrderView> {
    return this.orders.create(actor, dto);
  }

  /** Replaces a draft (409 INVALID_STATUS once confirmed). */
  @RequirePermission(OrdersPermission.WRITE)
  @Put(':id')
  update(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: SalesOrderDto,
  ): Promise<SalesOrderView> {
    return this.orders.update(actor, id, dto);
  }

  @RequirePermission(OrdersPermission.WRITE)
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: ConfirmSalesOrderDto,
  ): Promise<ConfirmSalesOrderResult> {
    return this.orders.confirm(actor, id, dto);
  }

  /** Reserves free stock for what the lines still lack (after production receipts, say). */
  @RequirePermission(OrdersPermission.WRITE)
  @Post(':id/reserve')
  @HttpCode(200)
  reserve(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
  ): Promise<ConfirmSalesOrderResult> {
    return this.orders.reserve(actor, id);
  }

  /** 订单转生产: work-order requests for the make items' shortage. */
  @RequirePermission(OrdersPermission.WRITE)
  @Post(':id/convert-to-production')
  convert(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
  ): Promise<ConvertToProductionResult> {
    return this.requests.convert(actor, id);
  }

  @RequirePermission(OrdersPermission.WRITE)
  @Post(':id/close')
  @HttpCode(200)
  close(@Param('id', ParseId) id: string): Promise<SalesOrderView> {
    return this.orders.close(id);
  }

  @RequirePermission(OrdersPermission.WRITE)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', ParseId) id: string): Promise<SalesOrderView> {
    return this.orders.cancel(id);
  }
}
