import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { LatestPriceView, SupplierPriceView } from '@mes/shared';
import { PURCHASING_MODULE_KEY, PurchasingPermission } from '../manifest';
import {
  EffectivePriceQueryDto,
  LatestPriceQueryDto,
  SupplierPriceDto,
  SupplierPriceQueryDto,
} from './supplier-price.dto';
import { SupplierPriceService } from './supplier-price.service';

type TenantActorT = Actor & { tenantId: string };

@ApiTags('purchasing')
@ApiBearerAuth()
@RequiresModule(PURCHASING_MODULE_KEY)
@Controller('purchasing/prices')
export class SupplierPriceController {
  constructor(private readonly prices: SupplierPriceService) {}

  @RequirePermission(PurchasingPermission.READ)
  @Get()
  list(@Query() query: SupplierPriceQueryDto): Promise<{ items: SupplierPriceView[]; total: number }> {
    return this.prices.list(query);
  }

  /** The supplier's price for an item in effect on a date (default today), for an order quantity. */
  @RequirePermission(PurchasingPermission.READ)
  @Get('effective')
  effective(
    @TenantActor() actor: TenantActorT,
    @Query() query: EffectivePriceQueryDto,
  ): Promise<SupplierPriceView> {
    return this.prices.effective(actor.tenantId, query);
  }

  /** 物料最新采购价格: the price of the last approved purchase order, per item (or item and supplier). */
  @RequirePermission(PurchasingPermission.READ)
  @Get('latest')
  latest(@Query() query: LatestPriceQueryDto): Promise<{ items: LatestPriceView[]; total: number }> {
    return this.prices.latest(query);
  }

  @RequirePermission(PurchasingPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<SupplierPriceView> {
    return this.prices.get(id);
  }

  @RequirePermission(PurchasingPermission.WRITE)
  @Post()
  create(@TenantActor() actor: TenantActorT, @Body() dto: SupplierPriceDto): Promise<SupplierPriceView> {
    return this.prices.create(actor.tenantId, actor.userId, dto);
  }

  @RequirePermission(PurchasingPermission.WRITE)
  @Put(':id')
  replace(@Param('id', ParseId) id: string, @Body() dto: SupplierPriceDto): Promise<SupplierPriceView> {
    return this.prices.replace(id, dto);
  }

  @RequirePermission(PurchasingPermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseId) id: string): Promise<void> {
    await this.prices.remove(id);
  }
}
