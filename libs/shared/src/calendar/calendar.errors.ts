/**
 * Why a calendar operation failed:
 * - `INVALID_DEFINITION`: the calendar definition is malformed (`field` names the offending path,
 *   e.g. `weekly.mon[1].end` or `exceptions[0].date`).
 * - `INVALID_ARGUMENT`: an argument of a calculation is unusable (invalid Date, non-finite minutes,
 *   instant outside the supported years 1000–8999).
 * - `NO_WORKING_TIME`: the calendar has no working time where a search needed some
 *   (e.g. `addWorkingMinutes` on a calendar with no windows at all).
 */
export type CalendarErrorCode = 'INVALID_DEFINITION' | 'INVALID_ARGUMENT' | 'NO_WORKING_TIME';

/** The only error the calendar library throws on purpose. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    /** Path of the offending field or argument, e.g. `weekly.tue[0].start`, `timeZone`, `minutes`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
