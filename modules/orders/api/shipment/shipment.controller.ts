import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { OrdersPage, ShipmentView } from '@mes/shared';
import { ORDERS_MODULE_KEY, OrdersPermission } from '../manifest';
import { OrderDocumentQueryDto, ShipmentDto } from './shipment.dto';
import { ShipmentService } from './shipment.service';

@ApiTags('orders')
@ApiBearerAuth()
@RequiresModule(ORDERS_MODULE_KEY)
@Controller('orders')
export class ShipmentController {
  constructor(private readonly shipments: ShipmentService) {}

  /** 通知发货 → sales issue: 409 OVER_SHIPMENT beyond what the line still has to ship, 409 INSUFFICIENT_STOCK. */
  @RequirePermission(OrdersPermission.SHIP)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key, one shipment' })
  @Post('sales-orders/:id/shipments')
  ship(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
    @Body() dto: ShipmentDto,
  ): Promise<ShipmentView> {
    return this.shipments.ship(actor, id, dto);
  }

  @RequirePermission(OrdersPermission.READ)
  @Get('shipments')
  list(@Query() query: OrderDocumentQueryDto): Promise<OrdersPage<ShipmentView>> {
    return this.shipments.list(query);
  }

  @RequirePermission(OrdersPermission.READ)
  @Get('shipments/:id')
  get(@Param('id', ParseId) id: string): Promise<ShipmentView> {
    return this.shipments.get(id);
  }
}
