import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { LotView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { CreateLotDto, LotQueryDto } from './lot.dto';
import { LotService } from './lot.service';

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data/lots')
export class LotController {
  constructor(private readonly lots: LotService) {}

  @RequirePermission(MasterDataPermission.READ)
  @Get()
  list(@Query() query: LotQueryDto): Promise<{ items: LotView[]; total: number }> {
    return this.lots.list(query);
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<LotView> {
    return this.lots.get(id);
  }

  @RequirePermission(MasterDataPermission.LOTS_WRITE)
  @Post()
  create(@TenantActor() actor: Actor & { tenantId: string }, @Body() dto: CreateLotDto): Promise<LotView> {
    return this.lots.create(actor.tenantId, dto);
  }
}
