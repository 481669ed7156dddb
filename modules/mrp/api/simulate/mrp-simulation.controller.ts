import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MrpModelError, planMrp, type MrpResult } from '@mes/mrp-engine';
import { RequiresModule, RequirePermission, ValidationFailedError } from '@mes/platform';
import { MRP_MODULE_KEY, MrpPermission } from '../manifest';
import { modelShapeProblems } from './model-shape';

/**
 * 模拟运算: plans a planning model sent in the body (PLANNING-FORMATS.md) and answers the plan at once —
 * the CLI over HTTP, for integrators and what-if checks. Nothing is stored. A bad model (BOM cycle,
 * unknown item, negative quantity, unknown field) is 400 naming the item and field.
 */
@ApiTags('mrp')
@ApiBearerAuth()
@RequiresModule(MRP_MODULE_KEY)
@Controller('mrp/simulate')
export class MrpSimulationController {
  @RequirePermission(MrpPermission.RUN)
  @Post()
  @HttpCode(200)
  simulate(@Body() body: unknown): MrpResult {
    const problems = modelShapeProblems(body);
    if (problems.length) throw new ValidationFailedError(problems);
    try {
      return planMrp(body);
    } catch (error) {
      if (error instanceof MrpModelError)
        throw new ValidationFailedError(
          error.details,
          `计划模型不合法 / invalid planning model: ${error.message}`,
        );
      throw error;
    }
  }
}
