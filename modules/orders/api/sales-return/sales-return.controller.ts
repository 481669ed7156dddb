import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { OrdersPage, SalesReturnView } from '@mes/shared';
import { ORDERS_MODULE_KEY, OrdersPermission } from '../manifest';
import { OrderDocumentQueryDto } from '../shipment/shipment.dto';
import { SalesReturnDto } from './sales-return.dto';
import { SalesReturnService } from './sales-return.service';

@ApiTags('orders')
@ApiBearerAuth()
@RequiresModule(ORDERS_MODULE_KEY)
@Controller('orders')
export class SalesReturnController {
  constructor(private readonly returns: SalesReturnService) {}

  /** 销售退货 → sales return receipt: 409 OVER_RETURN beyond shipped − returned. */
  @RequirePermission(OrdersPermission.SHIP)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @Post('sales-orders/:id/returns')
  create(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
    @Body() dto: SalesReturnDto,
  ): Promise<SalesReturnView> {
    return this.returns.create(actor, id, dto);
  }

  @RequirePermission(OrdersPermission.READ)
  @Get('returns')
  list(@Query() query: OrderDocumentQueryDto): Promise<OrdersPage<SalesReturnView>> {
    return this.returns.list(query);
  }

  @RequirePermission(OrdersPermission.READ)
  @Get('returns/:id')
  get(@Param('id', ParseId) id: string): Promise<SalesReturnView> {
    return this.returns.get(id);
  }
}
