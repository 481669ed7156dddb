import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { WorkOrderPage, WorkReportView } from '@mes/shared';
import { PRODUCTION_EXECUTION_MODULE_KEY, ProductionExecutionPermission } from '../manifest';
import { WorkReportDto } from './work-report.dto';
import { WorkReportService } from './work-report.service';

@ApiTags('production-execution')
@ApiBearerAuth()
@RequiresModule(PRODUCTION_EXECUTION_MODULE_KEY)
@Controller('production-execution/work-orders')
export class WorkReportController {
  constructor(private readonly reports: WorkReportService) {}

  /** 报工: 409 OVER_REPORT beyond what the operation may still report, 409 WORK_ORDER_PAUSED when paused. */
  @RequirePermission(ProductionExecutionPermission.REPORT)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'same key, one report (offline replay)',
  })
  @Post(':id/reports')
  report(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
    @Body() dto: WorkReportDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<WorkReportView> {
    return this.reports.report(actor, id, dto, key?.slice(0, 200) || null);
  }

  @RequirePermission(ProductionExecutionPermission.READ)
  @Get(':id/reports')
  list(@Param('id', ParseId) id: string): Promise<WorkOrderPage<WorkReportView>> {
    return this.reports.list(id);
  }
}
