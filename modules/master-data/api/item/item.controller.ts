import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { ItemView, WhereUsedRow } from '@mes/shared';
import { BomService } from '../bom/bom.service';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { CreateItemDto, ItemQueryDto, UpdateItemDto } from './item.dto';
import { ItemService } from './item.service';

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data/items')
export class ItemController {
  constructor(
    private readonly items: ItemService,
    private readonly boms: BomService,
  ) {}

  @RequirePermission(MasterDataPermission.READ)
  @Get()
  list(@Query() query: ItemQueryDto): Promise<{ items: ItemView[]; total: number }> {
    return this.items.list(query);
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<ItemView> {
    return this.items.get(id);
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id/where-used')
  async whereUsed(@Param('id', ParseId) id: string): Promise<{ items: WhereUsedRow[] }> {
    return { items: await this.boms.whereUsed(id) };
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post()
  create(@TenantActor() actor: Actor & { tenantId: string }, @Body() dto: CreateItemDto): Promise<ItemView> {
    return this.items.create(actor.tenantId, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Patch(':id')
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateItemDto): Promise<ItemView> {
    return this.items.update(id, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseId) id: string): Promise<void> {
    await this.items.remove(id);
  }
}
