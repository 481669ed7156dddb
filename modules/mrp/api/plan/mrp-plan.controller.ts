import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type {
  MrpExceptionView,
  MrpFirmResult,
  MrpPlannedOrderDetail,
  MrpPlannedOrderView,
  MrpRecordView,
} from '@mes/shared';
import { MRP_MODULE_KEY, MrpPermission } from '../manifest';
import { ExceptionQueryDto, FirmDto, PlannedOrderQueryDto, RecordQueryDto } from './mrp-plan.dto';
import { MrpFirming } from './mrp-firming.service';
import { MrpPlanReader } from './mrp-plan.reader';

type Page<T> = { items: T[]; total: number; runId: string | null };

@ApiTags('mrp')
@ApiBearerAuth()
@RequiresModule(MRP_MODULE_KEY)
@Controller('mrp')
export class MrpPlanController {
  constructor(
    private readonly reader: MrpPlanReader,
    private readonly firming: MrpFirming,
  ) {}

  @RequirePermission(MrpPermission.READ)
  @Get('planned-orders')
  plannedOrders(@Query() query: PlannedOrderQueryDto): Promise<Page<MrpPlannedOrderView>> {
    return this.reader.plannedOrders(query);
  }

  /** Buys → draft purchase orders grouped by supplier (or to-buy lines); makes → work-order requests. */
  @RequirePermission(MrpPermission.FIRM)
  @Post('planned-orders/firm')
  @HttpCode(200)
  firm(@TenantActor() actor: Actor & { tenantId: string }, @Body() dto: FirmDto): Promise<MrpFirmResult> {
    return this.firming.firm(actor, dto.ids);
  }

  @RequirePermission(MrpPermission.READ)
  @Get('planned-orders/:id')
  plannedOrder(@Param('id', ParseId) id: string): Promise<MrpPlannedOrderDetail> {
    return this.reader.plannedOrder(id);
  }

  @RequirePermission(MrpPermission.READ)
  @Get('exceptions')
  exceptions(@Query() query: ExceptionQueryDto): Promise<Page<MrpExceptionView>> {
    return this.reader.exceptions(query);
  }

  @RequirePermission(MrpPermission.READ)
  @Get('records/:itemCode')
  record(@Param('itemCode') itemCode: string, @Query() query: RecordQueryDto): Promise<MrpRecordView> {
    return this.reader.record(itemCode, query.bucket ?? 'day');
  }
}
