import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { RoutingView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { CreateRoutingDto, RoutingOperationsDto, RoutingQueryDto } from './routing.dto';
import { RoutingService } from './routing.service';

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data/routings')
export class RoutingController {
  constructor(private readonly routings: RoutingService) {}

  @RequirePermission(MasterDataPermission.READ)
  @Get()
  list(@Query() query: RoutingQueryDto): Promise<{ items: RoutingView[]; total: number }> {
    return this.routings.list(query);
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<RoutingView> {
    return this.routings.get(id);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post()
  create(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: CreateRoutingDto,
  ): Promise<RoutingView> {
    return this.routings.create(actor.tenantId, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Put(':id')
  replace(@Param('id', ParseId) id: string, @Body() dto: RoutingOperationsDto): Promise<RoutingView> {
    return this.routings.replaceOperations(id, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post(':id/default')
  @HttpCode(200)
  setDefault(@Param('id', ParseId) id: string): Promise<RoutingView> {
    return this.routings.setDefault(id);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseId) id: string): Promise<void> {
    await this.routings.remove(id);
  }
}
