import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { UnitView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { CreateUnitDto, UpdateUnitDto } from './unit.dto';
import { UnitService } from './unit.service';

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data/units')
export class UnitController {
  constructor(private readonly units: UnitService) {}

  @RequirePermission(MasterDataPermission.READ)
  @Get()
  async list(): Promise<{ items: UnitView[] }> {
    return { items: await this.units.list() };
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post()
  create(@TenantActor() actor: Actor & { tenantId: string }, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.units.create(actor.tenantId, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Patch(':id')
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateUnitDto): Promise<UnitView> {
    return this.units.update(id, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseId) id: string): Promise<void> {
    await this.units.remove(id);
  }
}
