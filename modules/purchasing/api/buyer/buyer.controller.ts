import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { BuyerView } from '@mes/shared';
import { PURCHASING_MODULE_KEY, PurchasingPermission } from '../manifest';
import { BuyerQueryDto, CreateBuyerDto, UpdateBuyerDto } from './buyer.dto';
import { BuyerService } from './buyer.service';

type TenantActorT = Actor & { tenantId: string };

@ApiTags('purchasing')
@ApiBearerAuth()
@RequiresModule(PURCHASING_MODULE_KEY)
@Controller('purchasing/buyers')
export class BuyerController {
  constructor(private readonly buyers: BuyerService) {}

  @RequirePermission(PurchasingPermission.READ)
  @Get()
  list(@Query() query: BuyerQueryDto): Promise<{ items: BuyerView[]; total: number }> {
    return this.buyers.list(query);
  }

  @RequirePermission(PurchasingPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<BuyerView> {
    return this.buyers.get(id);
  }

  @RequirePermission(PurchasingPermission.WRITE)
  @Post()
  create(@TenantActor() actor: TenantActorT, @Body() dto: CreateBuyerDto): Promise<BuyerView> {
    return this.buyers.create(actor.tenantId, dto);
  }

  @RequirePermission(PurchasingPermission.WRITE)
  @Patch(':id')
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateBuyerDto): Promise<BuyerView> {
    return this.buyers.update(id, dto);
  }
}
