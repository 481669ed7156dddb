import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { MrpRunSubmitted, MrpRunView } from '@mes/shared';
import { MRP_MODULE_KEY, MrpPermission } from '../manifest';
import { MrpRunDto, MrpRunQueryDto } from './mrp-run.dto';
import { MrpRuns } from './mrp-run.service';

@ApiTags('mrp')
@ApiBearerAuth()
@RequiresModule(MRP_MODULE_KEY)
@Controller('mrp/runs')
export class MrpRunController {
  constructor(private readonly runs: MrpRuns) {}

  /** Queues a run (202); progress at GET /jobs/:jobId and its SSE stream. 409 while one is active. */
  @RequirePermission(MrpPermission.RUN)
  @Post()
  @HttpCode(202)
  submit(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: MrpRunDto,
  ): Promise<MrpRunSubmitted> {
    return this.runs.submit(actor, dto);
  }

  @RequirePermission(MrpPermission.READ)
  @Get()
  list(@Query() query: MrpRunQueryDto): Promise<{ items: MrpRunView[]; total: number }> {
    return this.runs.list(query);
  }

  @RequirePermission(MrpPermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<MrpRunView> {
    return this.runs.get(id);
  }
}
