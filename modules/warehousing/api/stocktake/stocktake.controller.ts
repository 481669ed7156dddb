import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { StocktakeView } from '@mes/shared';
import { WAREHOUSING_MODULE_KEY, WarehousingPermission } from '../manifest';
import { CreateStocktakeDto, StocktakeCountDto, StocktakeQueryDto } from './stocktake.dto';
import { StocktakeService } from './stocktake.service';

type TenantActorT = Actor & { tenantId: string };

@ApiTags('warehousing')
@ApiBearerAuth()
@RequiresModule(WAREHOUSING_MODULE_KEY)
@Controller('warehousing/stocktakes')
export class StocktakeController {
  constructor(private readonly stocktakes: StocktakeService) {}

  @RequirePermission(WarehousingPermission.READ)
  @Get()
  list(@Query() query: StocktakeQueryDto): Promise<{ items: StocktakeView[]; total: number }> {
    return this.stocktakes.list(query);
  }

  @RequirePermission(WarehousingPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<StocktakeView> {
    return this.stocktakes.get(id);
  }

  @RequirePermission(WarehousingPermission.STOCKTAKE)
  @Post()
  create(@TenantActor() actor: TenantActorT, @Body() dto: CreateStocktakeDto): Promise<StocktakeView> {
    return this.stocktakes.create(actor.tenantId, actor.userId, dto);
  }

  @RequirePermission(WarehousingPermission.STOCKTAKE)
  @Post(':id/counts')
  @HttpCode(200)
  count(
    @TenantActor() actor: TenantActorT,
    @Param('id', ParseId) id: string,
    @Body() dto: StocktakeCountDto,
  ): Promise<StocktakeView> {
    return this.stocktakes.count(actor.tenantId, actor.userId, id, dto);
  }

  @RequirePermission(WarehousingPermission.STOCKTAKE)
  @Post(':id/post')
  @HttpCode(200)
  post(@TenantActor() actor: TenantActorT, @Param('id', ParseId) id: string): Promise<StocktakeView> {
    return this.stocktakes.post(actor.tenantId, actor.userId, id);
  }

  @RequirePermission(WarehousingPermission.STOCKTAKE)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', ParseId) id: string): Promise<StocktakeView> {
    return this.stocktakes.cancel(id);
  }
}
