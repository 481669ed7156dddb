import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { IssueMaterialsResult, PickingList } from '@mes/shared';
import { PRODUCTION_EXECUTION_MODULE_KEY, ProductionExecutionPermission } from '../manifest';
import { IssueMaterialsDto } from './material-issue.dto';
import { MaterialIssueService } from './material-issue.service';

@ApiTags('production-execution')
@ApiBearerAuth()
@RequiresModule(PRODUCTION_EXECUTION_MODULE_KEY)
@Controller('production-execution/work-orders')
export class MaterialIssueController {
  constructor(private readonly materials: MaterialIssueService) {}

  /** 领料单: planned, issued, remaining and reserved per component. */
  @RequirePermission(ProductionExecutionPermission.READ)
  @Get(':id/picking-list')
  pickingList(@Param('id', ParseId) id: string): Promise<PickingList> {
    return this.materials.pickingList(id);
  }

  /** 领料 (picking mode): posts a production issue; default: what every component still lacks. */
  @RequirePermission(ProductionExecutionPermission.WRITE)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key, one issue' })
  @Post(':id/issue-materials')
  issue(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('id', ParseId) id: string,
    @Body() dto: IssueMaterialsDto,
  ): Promise<IssueMaterialsResult> {
    return this.materials.issue(actor, id, dto);
  }
}
