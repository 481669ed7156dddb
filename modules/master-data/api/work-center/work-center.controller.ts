import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { WorkCenterView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { CreateWorkCenterDto, UpdateWorkCenterDto } from './work-center.dto';
import { WorkCenterService } from './work-center.service';

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data/work-centers')
export class WorkCenterController {
  constructor(private readonly workCenters: WorkCenterService) {}

  @RequirePermission(MasterDataPermission.READ)
  @Get()
  list(): Promise<{ items: WorkCenterView[]; total: number }> {
    return this.workCenters.list();
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<WorkCenterView> {
    return this.workCenters.get(id);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post()
  create(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: CreateWorkCenterDto,
  ): Promise<WorkCenterView> {
    return this.workCenters.create(actor.tenantId, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Patch(':id')
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateWorkCenterDto): Promise<WorkCenterView> {
    return this.workCenters.update(id, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseId) id: string): Promise<void> {
    await this.workCenters.remove(id);
  }
}
