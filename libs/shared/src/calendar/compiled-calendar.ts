import type { CalendarDefinition } from './calendar-definition';
import {
  validateCalendarDefinition,
  type MinuteWindow,
  type ValidatedCalendar,
} from './calendar-definition.validation';
import { DAY_MS, MINUTE_MS, weekdayIndex } from './civil-date';
import type { TimeZone } from './time-zone';

/** One working window as instants (epoch ms), `[start, end)`, `start < end`. */
export interface CalendarInterval {
  readonly start: number;
  readonly end: number;
  /** Day number (days since 1970-01-01) of the local date the window starts on. */
  readonly day: number;
  readonly name: string | undefined;
}

/** Days whose intervals are kept; beyond this the cache starts over (bounded memory). */
const CACHE_LIMIT = 5000;
const NO_INTERVALS: readonly CalendarInterval[] = Object.freeze([]);

/**
 * A validated calendar ready for calculations (see `working-time.ts`). Immutable apart from an
 * internal per-local-date cache of the windows converted to instants. Build it with `compileCalendar`;
 * compile once per calendar and reuse it.
 */
export class CompiledCalendar {
  /** Canonical IANA time zone of the windows. */
  readonly timeZone: string;
  /** Normalized copy of the definition it was compiled from. */
  readonly definition: CalendarDefinition;
  /** True if some window exists at all (weekly or in an exception). */
  readonly hasWorkingTime: boolean;
  /**
   * Day numbers bounding the local dates on which a window can start: `-Infinity`/`Infinity` when
   * the weekly pattern has work, else the span of the working exception dates (empty span if none).
   */
  readonly firstWorkingDay: number;
  readonly lastWorkingDay: number;

  private readonly zone: TimeZone;
  private readonly weekly: readonly (readonly MinuteWindow[])[];
  private readonly exceptionDays: ReadonlyMap<number, readonly MinuteWindow[]>;
  private readonly cache = new Map<number, readonly CalendarInterval[]>();

  /** Use `compileCalendar`; this takes the output of `validateCalendarDefinition`. */
  constructor(validated: ValidatedCalendar) {
    this.zone = validated.zone;
    this.timeZone = validated.zone.name;
    this.definition = validated.definition;
    this.weekly = validated.weekly;
    this.exceptionDays = validated.exceptionDays;

    const weeklyWork = this.weekly.some((windows) => windows.length > 0);
    const workingExceptionDays = [...this.exceptionDays]
      .filter(([, windows]) => windows.length > 0)
      .map(([day]) => day);
    this.firstWorkingDay = weeklyWork ? -Infinity : Math.min(...workingExceptionDays);
    this.lastWorkingDay = weeklyWork ? Infinity : Math.max(...workingExceptionDays);
    this.hasWorkingTime = weeklyWork || workingExceptionDays.length > 0;
  }

  /**
   * The working intervals of the windows starting on local date `day` (day number), sorted. Intervals
   * of consecutive dates never overlap, so walking dates in order walks all intervals in order.
   */
  intervalsOfDay(day: number): readonly CalendarInterval[] {
    const cached = this.cache.get(day);
    if (cached) return cached;
    const intervals = this.buildDay(day);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(day, intervals);
    return intervals;
  }

  private buildDay(day: number): readonly CalendarInterval[] {
    const windows = this.exceptionDays.get(day) ?? this.weekly[weekdayIndex(day)] ?? [];
    if (windows.length === 0) return NO_INTERVALS;
    const midnight = day * DAY_MS;
    // Windows of this date lie (as instants) within [day - 1, day + 3): one offset covers them all
    // unless a DST transition falls in between.
    const offset = this.zone.constantOffset(day - 1, day + 3);
    const intervals: CalendarInterval[] = [];
    for (const window of windows) {
      const localStart = midnight + window.start * MINUTE_MS;
      const localEnd = midnight + window.end * MINUTE_MS;
      const start = offset === undefined ? this.zone.toInstant(localStart) : localStart - offset;
      const end = offset === undefined ? this.zone.toInstant(localEnd) : localEnd - offset;
      if (end > start) intervals.push(Object.freeze({ start, end, day, name: window.name }));
    }
    return Object.freeze(intervals);
  }
}

/**
 * Validates `definition` (see `parseCalendarDefinition` for the rules; throws `CalendarError`) and
 * compiles it. A missing `timeZone` means `DEFAULT_TIME_ZONE` (Asia/Shanghai). A calendar without any
 * window compiles (all durations are 0), but searches such as `addWorkingMinutes` throw on it.
 */
export function compileCalendar(definition: CalendarDefinition): CompiledCalendar {
  return new CompiledCalendar(validateCalendarDefinition(definition));
}
