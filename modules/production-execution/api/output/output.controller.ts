import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import type { ProductionOutputView } from '@mes/shared';
import { PRODUCTION_EXECUTION_MODULE_KEY, ProductionExecutionPermission } from '../manifest';
import { OutputQueryDto } from './output.dto';
import { ProductionOutputService } from './output.service';

@ApiTags('production-execution')
@ApiBearerAuth()
@RequiresModule(PRODUCTION_EXECUTION_MODULE_KEY)
@Controller('production-execution/output')
export class ProductionOutputController {
  constructor(private readonly output: ProductionOutputService) {}

  /** 今日产出: good, scrap and report count per work center and item for one local day (default today). */
  @RequirePermission(ProductionExecutionPermission.READ)
  @Get()
  get(
    @TenantActor() actor: Actor & { tenantId: string },
    @Query() query: OutputQueryDto,
  ): Promise<ProductionOutputView> {
    return this.output.output(actor.tenantId, query.date);
  }
}
