/** The scheduling engine's public face (pure TypeScript, no I/O). See docs/decisions/0014. */
export { ShopModelError } from './shop-model-error';
export {
  flattenShop,
  jobShopProblem,
  makespanLowerBound,
  type FlatShop,
  type JobSpec,
  type OperationSpec,
  type ResourceOption,
  type ShopProblem,
} from './model';
export { parseJssp, jsspProblem, JsspParseError, type JsspInstance } from './jssp-parser';
export { checkSchedule, type ScheduleToCheck, type Violation, type ViolationKind } from './schedule-checker';
export {
  dispatchSchedule,
  startsByJob,
  DISPATCH_RULES,
  type DispatchOptions,
  type DispatchRule,
  type ShopSchedule,
} from './dispatch';
export { tabuSearch, type TabuOptions, type TabuResult } from './tabu-search';
export {
  solveShop,
  bestDispatchSchedule,
  DEFAULT_TIME_LIMIT_MS,
  type SolveOptions,
  type SolveResult,
} from './solver';
export { Random } from './random';
// Plant scheduling: calendars, changeovers, alternatives, links, frozen operations (docs/decisions/0014).
export {
  flattenPlant,
  DEFAULT_WEIGHTS,
  LATE_JOB_SCALE,
  type FlatPlant,
  type ObjectiveWeights,
  type PlantJob,
  type PlantOperation,
  type PlantOption,
  type PlantProblem,
  type PlantResource,
} from './plant-model';
export {
  schedulePlant,
  plantKpis,
  PLANT_RULES,
  type PlantKpis,
  type PlantOptions,
  type PlantRule,
  type PlantSchedule,
  type ScheduledOperation,
} from './plant-scheduler';
export { checkPlantSchedule } from './plant-checker';
export {
  adjustSchedule,
  ScheduleAdjustError,
  type AdjustMove,
  type AdjustResult,
  type ScheduleAdjustErrorKind,
} from './schedule-adjuster';
export { WorkingCalendar } from './working-calendar';
export { runPlantInThread, type PlantThreadRun } from './plant-thread-runner';
export type { PlantProgress } from './plant-thread';
