/**
 * Working-time calendars (work-center shift calendars, scheduling): pure TypeScript + Intl, no I/O.
 *
 * 1. `parseCalendarDefinition(unknown)` validates stored/request JSON → normalized `CalendarDefinition`
 *    (throws `CalendarError` with `code` and `field`, e.g. `weekly.mon[1].end`).
 * 2. `compileCalendar(definition)` → `CompiledCalendar` (validates too); compile once, reuse: it caches
 *    each local date's windows as instants.
 * 3. Calculations on instants (`Date`), all over half-open `[start, end)` windows:
 *    `workingMinutesBetween` (exact, fractional off whole minutes), `workingMillisecondsBetween`,
 *    `addWorkingMinutes` (earliest instant after N working minutes; N = 0 → t; N < 0 → backwards),
 *    `subtractWorkingMinutes`, `nextWorkingInstant`, `isWorkingInstant`, `workingWindows` (Gantt shading).
 *    Searches throw `CalendarError('NO_WORKING_TIME')` instead of looping when work runs out.
 *
 * Wall-clock windows become instants in the calendar's IANA zone (default Asia/Shanghai). DST: a window
 * reaching into a spring-forward gap is shortened (the skipped wall-clock times map to the transition
 * instant); a repeated fall-back wall-clock time means its first occurrence (see time-zone.ts).
 */
export { CalendarError } from './calendar.errors';
export type { CalendarErrorCode } from './calendar.errors';
export { DEFAULT_TIME_ZONE, WEEKDAYS } from './calendar-definition';
export type {
  CalendarDefinition,
  CalendarException,
  CalendarExceptionKind,
  ShiftWindow,
  Weekday,
} from './calendar-definition';
export { parseCalendarDefinition } from './calendar-definition.validation';
export { compileCalendar, CompiledCalendar } from './compiled-calendar';
export type { CalendarInterval } from './compiled-calendar';
export {
  addWorkingMinutes,
  isWorkingInstant,
  MAX_IDLE_DAYS,
  nextWorkingInstant,
  subtractWorkingMinutes,
  workingMillisecondsBetween,
  workingMinutesBetween,
  workingWindows,
} from './working-time';
export type { WorkingWindow } from './working-time';
