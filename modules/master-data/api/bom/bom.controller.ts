import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ParseId, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { BomTreeNode, BomView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { BomLinesDto, BomQueryDto, BomTreeQueryDto, CopyBomDto, CreateBomDto } from './bom.dto';
import { BomService } from './bom.service';
import { indentedBomCsv } from './indented-bom.csv';

type TenantCaller = Actor & { tenantId: string };

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data/boms')
export class BomController {
  constructor(private readonly boms: BomService) {}

  @RequirePermission(MasterDataPermission.READ)
  @Get()
  list(@Query() query: BomQueryDto): Promise<{ items: BomView[]; total: number }> {
    return this.boms.list(query);
  }

  /** Multi-level explosion of an item's default BOMs. */
  @RequirePermission(MasterDataPermission.READ)
  @Get('tree')
  tree(@Query() query: BomTreeQueryDto): Promise<BomTreeNode> {
    return this.boms.tree(query.itemCode);
  }

  /** The explosion as an indented BOM (CSV, opens in Excel). */
  @RequirePermission(MasterDataPermission.READ)
  @ApiProduces('text/csv')
  @Get('tree/export')
  async treeExport(@Query() query: BomTreeQueryDto, @Res() res: Response): Promise<void> {
    const csv = indentedBomCsv(await this.boms.tree(query.itemCode));
    res
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`BOM-${query.itemCode}.csv`)}`,
      })
      .send(csv);
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<BomView> {
    return this.boms.get(id);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post()
  create(@TenantActor() actor: TenantCaller, @Body() dto: CreateBomDto): Promise<BomView> {
    return this.boms.create(actor.tenantId, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Put(':id')
  replace(
    @TenantActor() actor: TenantCaller,
    @Param('id', ParseId) id: string,
    @Body() dto: BomLinesDto,
  ): Promise<BomView> {
    return this.boms.replaceLines(actor.tenantId, id, dto);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post(':id/default')
  @HttpCode(200)
  setDefault(@TenantActor() actor: TenantCaller, @Param('id', ParseId) id: string): Promise<BomView> {
    return this.boms.setDefault(actor.tenantId, id);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Post(':id/copy')
  copy(
    @TenantActor() actor: TenantCaller,
    @Param('id', ParseId) id: string,
    @Body() dto: CopyBomDto,
  ): Promise<BomView> {
    return this.boms.copyForOrder(actor.tenantId, id, dto.orderRef);
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@TenantActor() actor: TenantCaller, @Param('id', ParseId) id: string): Promise<void> {
    await this.boms.remove(actor.tenantId, id);
  }
}
