import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { MrpForecastView } from '@mes/shared';
import { MRP_MODULE_KEY, MrpPermission } from '../manifest';
import { MrpForecastDto, MrpForecastQueryDto } from './mrp-forecast.dto';
import { MrpForecasts } from './mrp-forecast.service';

@ApiTags('mrp')
@ApiBearerAuth()
@RequiresModule(MRP_MODULE_KEY)
@Controller('mrp/forecasts')
export class MrpForecastController {
  constructor(private readonly forecasts: MrpForecasts) {}

  @RequirePermission(MrpPermission.READ)
  @Get()
  list(@Query() query: MrpForecastQueryDto): Promise<{ items: MrpForecastView[]; total: number }> {
    return this.forecasts.list(query);
  }

  @RequirePermission(MrpPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<MrpForecastView> {
    return this.forecasts.get(id);
  }

  @RequirePermission(MrpPermission.RUN)
  @Post()
  create(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: MrpForecastDto,
  ): Promise<MrpForecastView> {
    return this.forecasts.create(actor, dto);
  }

  @RequirePermission(MrpPermission.RUN)
  @Put(':id')
  replace(@Param('id', ParseId) id: string, @Body() dto: MrpForecastDto): Promise<MrpForecastView> {
    return this.forecasts.replace(id, dto);
  }

  @RequirePermission(MrpPermission.RUN)
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseId) id: string): Promise<void> {
    return this.forecasts.remove(id);
  }
}
