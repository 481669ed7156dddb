import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { PurchaseOrderSummary, PurchaseOrderView } from '@mes/shared';
import { PURCHASING_MODULE_KEY, PurchasingPermission } from '../manifest';
import { PurchaseOrderDto, PurchaseOrderQueryDto } from './purchase-order.dto';
import { PurchaseOrderPrinter } from './purchase-order.printer';
import { PurchaseOrderReader } from './purchase-order.reader';
import { PurchaseOrderService } from './purchase-order.service';

type TenantActorT = Actor & { tenantId: string };

@ApiTags('purchasing')
@ApiBearerAuth()
@RequiresModule(PURCHASING_MODULE_KEY)
@Controller('purchasing/orders')
export class PurchaseOrderController {
  constructor(
    private readonly orders: PurchaseOrderService,
    private readonly reader: PurchaseOrderReader,
    private readonly printer: PurchaseOrderPrinter,
  ) {}

  @RequirePermission(PurchasingPermission.READ)
  @Get()
  list(@Query() query: PurchaseOrderQueryDto): Promise<{ items: PurchaseOrderSummary[]; total: number }> {
    return this.reader.list(query);
  }

  @RequirePermission(PurchasingPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<PurchaseOrderView> {
    return this.reader.get(id);
  }

  /** The order printed on A4 (application/pdf). */
  @RequirePermission(PurchasingPermission.READ)
  @ApiProduces('application/pdf')
  @Get(':id/pdf')
  async pdf(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { no, pdf } = await this.printer.print(actor.tenantId, id);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${no}.pdf"`,
        'Content-Length': String(pdf.length),
      })
      .send(pdf);
  }

  @RequirePermission(PurchasingPermission.WRITE)
  @Post()
  create(@TenantActor() actor: TenantActorT, @Body() dto: PurchaseOrderDto): Promise<PurchaseOrderView> {
    return this.orders.create(actor.tenantId, actor.userId, dto);
  }

  /** Replaces a draft's header and lines. */
  @RequirePermission(PurchasingPermission.WRITE)
  @Put(':id')
  replace(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: PurchaseOrderDto,
  ): Promise<PurchaseOrderView> {
    return this.orders.replace(actor.tenantId, id, dto);
  }

  @RequirePermission(PurchasingPermission.APPROVE)
  @Post(':id/approve')
  @HttpCode(200)
  approve(@TenantActor() actor: TenantActorT, @Param('id', ParseId) id: string): Promise<PurchaseOrderView> {
    return this.orders.approve(id, actor.userId);
  }

  @RequirePermission(PurchasingPermission.APPROVE)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', ParseId) id: string): Promise<PurchaseOrderView> {
    return this.orders.cancel(id);
  }

  @RequirePermission(PurchasingPermission.APPROVE)
  @Post(':id/close')
  @HttpCode(200)
  close(@Param('id', ParseId) id: string): Promise<PurchaseOrderView> {
    return this.orders.close(id);
  }
}
