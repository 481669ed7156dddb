import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { PurchaseOrderView, RequisitionView } from '@mes/shared';
import { PURCHASING_MODULE_KEY, PurchasingPermission } from '../manifest';
import { ConvertRequisitionsDto, RequisitionDto, RequisitionQueryDto } from './requisition.dto';
import { RequisitionService } from './requisition.service';

type TenantActorT = Actor & { tenantId: string };

@ApiTags('purchasing')
@ApiBearerAuth()
@RequiresModule(PURCHASING_MODULE_KEY)
@Controller('purchasing/requisitions')
export class RequisitionController {
  constructor(private readonly requisitions: RequisitionService) {}

  @RequirePermission(PurchasingPermission.READ)
  @Get()
  list(@Query() query: RequisitionQueryDto): Promise<{ items: RequisitionView[]; total: number }> {
    return this.requisitions.list(query);
  }

  @RequirePermission(PurchasingPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<RequisitionView> {
    return this.requisitions.get(id);
  }

  @RequirePermission(PurchasingPermission.WRITE)
  @Post()
  create(@TenantActor() actor: TenantActorT, @Body() dto: RequisitionDto): Promise<RequisitionView> {
    return this.requisitions.create(actor.tenantId, actor.userId, dto);
  }

  /** Selected open lines → draft purchase orders grouped by supplier. */
  @RequirePermission(PurchasingPermission.WRITE)
  @Post('convert')
  convert(
    @TenantActor() actor: TenantActorT,
    @Body() dto: ConvertRequisitionsDto,
  ): Promise<{ orders: PurchaseOrderView[] }> {
    return this.requisitions.convert(actor.tenantId, actor.userId, dto);
  }

  @RequirePermission(PurchasingPermission.WRITE)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', ParseId) id: string): Promise<RequisitionView> {
    return this.requisitions.cancel(id);
  }
}
