import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { WarehouseView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { CreateWarehouseDto, UpdateWarehouseDto } from './warehouse.dto';
import { WarehouseService } from './warehouse.service';

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data/warehouses')
export class WarehouseController {
  constructor(private readonly warehouses: WarehouseService) {}

  @RequirePermission(MasterDataPermission.READ)
  @Get()
  list(): Promise<{ items: WarehouseView[]; total: number }> {
    return this.warehouses.list();
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<WarehouseView> {
    return this.warehouses.get(id);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post()
  create(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: CreateWarehouseDto,
  ): Promise<WarehouseView> {
    return this.warehouses.create(actor.tenantId, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Patch(':id')
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateWarehouseDto): Promise<WarehouseView> {
    return this.warehouses.update(id, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseId) id: string): Promise<void> {
    await this.warehouses.remove(id);
  }
}
