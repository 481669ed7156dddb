import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequiresModule, RequirePermission } from '@mes/platform';
import type { WipWorkCenter } from '@mes/shared';
import { PRODUCTION_EXECUTION_MODULE_KEY, ProductionExecutionPermission } from '../manifest';
import { WipService } from './wip.service';

@ApiTags('production-execution')
@ApiBearerAuth()
@RequiresModule(PRODUCTION_EXECUTION_MODULE_KEY)
@Controller('production-execution/wip')
export class WipController {
  constructor(private readonly wip: WipService) {}

  /** 在制: per work center, operations in progress and pending of the released work orders. */
  @RequirePermission(ProductionExecutionPermission.READ)
  @Get()
  board(): Promise<WipWorkCenter[]> {
    return this.wip.board();
  }
}
