import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { ScheduleRunSubmitted, ScheduleRunView } from '@mes/shared';
import { MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY, SchedulingPermission } from '../manifest';
import { ScheduleRunDto, ScheduleRunQueryDto } from './schedule-run.dto';
import { ScheduleRuns } from './schedule-run.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@RequiresModule(MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY)
@Controller('scheduling/runs')
export class ScheduleRunController {
  constructor(private readonly runs: ScheduleRuns) {}

  /** Queues a run (202); progress at GET /jobs/:jobId and its SSE stream. 409 while one is active. */
  @RequirePermission(SchedulingPermission.RUN)
  @Post()
  @HttpCode(202)
  submit(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: ScheduleRunDto,
  ): Promise<ScheduleRunSubmitted> {
    return this.runs.submit(actor, dto);
  }

  @RequirePermission(SchedulingPermission.READ)
  @Get()
  list(@Query() query: ScheduleRunQueryDto): Promise<{ items: ScheduleRunView[]; total: number }> {
    return this.runs.list(query);
  }

  @RequirePermission(SchedulingPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<ScheduleRunView> {
    return this.runs.get(id);
  }

  /** Stops the search; the best schedule found so far is kept as the run's version. */
  @RequirePermission(SchedulingPermission.RUN)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', ParseId) id: string): Promise<ScheduleRunView> {
    return this.runs.cancel(id);
  }
}
