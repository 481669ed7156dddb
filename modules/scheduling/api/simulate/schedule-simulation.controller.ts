import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  checkPlantSchedule,
  schedulePlant,
  ShopModelError,
  type PlantOptions,
  type PlantProblem,
  type PlantSchedule,
} from '@mes/scheduling-engine';
import { RequiresModule, RequirePermission, ValidationFailedError } from '@mes/platform';
import { MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY, SchedulingPermission } from '../manifest';
import { problemShapeProblems } from './problem-shape';

/** Requests wait at most this long for the improvement phase. */
const MAX_SIMULATION_MS = 5000;

/**
 * 排程模拟: schedules a problem sent in the body (the engine's plant model: resources with calendars
 * and changeovers, jobs with operations, alternatives, release and due dates, links) and answers the
 * schedule at once — for integrators and what-if checks; nothing is stored. An invalid problem (an
 * operation that may not span a break but is longer than every working window, cyclic links, unknown
 * resources, bad numbers, unknown fields) is 400 naming each field.
 */
@ApiTags('scheduling')
@ApiBearerAuth()
@RequiresModule(MASTER_SCHEDULING_KEY, SHOP_SCHEDULING_KEY)
@Controller('scheduling/simulate')
export class ScheduleSimulationController {
  @RequirePermission(SchedulingPermission.RUN)
  @Post()
  @HttpCode(200)
  simulate(@Body() body: unknown): PlantSchedule & { violations: number } {
    const problems = problemShapeProblems(body);
    if (problems.length) throw new ValidationFailedError(problems);
    const { problem, options } = body as { problem: PlantProblem; options?: PlantOptions };
    try {
      const schedule = schedulePlant(problem, {
        ...options,
        timeLimitMs: Math.min(Math.max(0, options?.timeLimitMs ?? 0) || 0, MAX_SIMULATION_MS),
      });
      return { ...schedule, violations: checkPlantSchedule(problem, schedule.operations).length };
    } catch (error) {
      if (error instanceof ShopModelError) {
        throw new ValidationFailedError(
          error.details.map((d) => ({ ...d, field: `problem.${d.field}` })),
          `排程问题不合法 / invalid scheduling problem: ${error.message}`,
        );
      }
      throw error;
    }
  }
}
