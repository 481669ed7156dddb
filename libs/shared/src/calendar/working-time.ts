import type { CompiledCalendar } from './compiled-calendar';
import { CalendarError } from './calendar.errors';
import { DAY_MS, daysFromCivil, formatIsoDate, MINUTE_MS } from './civil-date';

/** A working window clipped to the requested range. */
export interface WorkingWindow {
  start: Date;
  end: Date;
  /** Local date (`YYYY-MM-DD`, calendar time zone) the window starts on — a night shift's "day". */
  date: string;
  /** The `name` of the `ShiftWindow`, when it has one. */
  name?: string;
}

/** A search gives up after this many consecutive days without working time (≈ 5 years). */
export const MAX_IDLE_DAYS = 5 * 366;

const MIN_DAY = daysFromCivil(1000, 1, 1);
const MAX_DAY = daysFromCivil(9000, 1, 1);
const MIN_INSTANT = MIN_DAY * DAY_MS;
const MAX_INSTANT = MAX_DAY * DAY_MS;
/**
 * Windows starting on local date D lie (as instants) within [D - 1, D + 3) in UTC days, so an instant
 * in UTC day U can only be covered by windows of local dates U - 3 … U + 1.
 */
const DAYS_BEFORE = 3;
const DAYS_AFTER = 1;

/**
 * Working time in `[from, to)` in exact milliseconds (0 if `to <= from`). Additive:
 * `ms(a, c) === ms(a, b) + ms(b, c)` for `a <= b <= c`.
 */
export function workingMillisecondsBetween(calendar: CompiledCalendar, from: Date, to: Date): number {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  if (end <= start) return 0;
  const firstDay = Math.max(utcDay(start) - DAYS_BEFORE, calendar.firstWorkingDay);
  const lastDay = Math.min(utcDay(end) + DAYS_AFTER, calendar.lastWorkingDay);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const interval of calendar.intervalsOfDay(day)) {
      const overlap = Math.min(interval.end, end) - Math.max(interval.start, start);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * Working minutes in `[from, to)` (0 if `to <= from`): exactly working milliseconds / 60 000, so it
 * is fractional when `from`/`to` are not on whole minutes (e.g. 30 s of work → 0.5) and an integer
 * when they are. Not rounded, so sums of sub-ranges add up to the whole range.
 */
export function workingMinutesBetween(calendar: CompiledCalendar, from: Date, to: Date): number {
  return workingMillisecondsBetween(calendar, from, to) / MINUTE_MS;
}

/**
 * The instant `minutes` working minutes after `t` (fractional minutes are rounded to the millisecond):
 * - `minutes > 0`: the earliest instant `r >= t` with `workingMinutesBetween(t, r) === minutes`, so it
 *   lies inside a window or exactly at a window's end (never at the start of the next window). If `t`
 *   is in a break, counting starts at the next window.
 * - `minutes === 0`: `t` itself (not moved to the next working instant; use `nextWorkingInstant`).
 * - `minutes < 0`: the latest instant `r <= t` with `workingMinutesBetween(r, t) === -minutes`
 *   (backward scheduling), inside a window or exactly at a window's start.
 * Throws `CalendarError` `NO_WORKING_TIME` if the calendar runs out of working time: no window at
 * all, none beyond its last working exception date, or none for `MAX_IDLE_DAYS` consecutive days.
 */
export function addWorkingMinutes(calendar: CompiledCalendar, t: Date, minutes: number): Date {
  const start = instantOf(t, 't');
  if (!Number.isFinite(minutes)) {
    throw new CalendarError('INVALID_ARGUMENT', 'minutes', `minutes must be a finite number, got ${minutes}`);
  }
  const amount = Math.round(minutes * MINUTE_MS);
  if (Math.abs(amount) > MAX_INSTANT - MIN_INSTANT) {
    throw new CalendarError(
      'INVALID_ARGUMENT',
      'minutes',
      `minutes ${minutes} is beyond the supported range`,
    );
  }
  if (amount === 0) return new Date(start);
  return new Date(amount > 0 ? forward(calendar, start, amount) : backward(calendar, start, -amount));
}

/** `addWorkingMinutes(calendar, t, -minutes)`: the latest instant with `minutes` of work before `t`. */
export function subtractWorkingMinutes(calendar: CompiledCalendar, t: Date, minutes: number): Date {
  return addWorkingMinutes(calendar, t, -minutes);
}

/**
 * The earliest instant `>= t` inside a working window: `t` itself when it is working time, else the
 * start of the next window. Throws `CalendarError` `NO_WORKING_TIME` like `addWorkingMinutes`.
 */
export function nextWorkingInstant(calendar: CompiledCalendar, t: Date): Date {
  const instant = instantOf(t, 't');
  return new Date(scanForward(calendar, instant, (interval) => Math.max(interval.start, instant)));
}

/** True if `t` lies inside a working window (`start <= t < end`). */
export function isWorkingInstant(calendar: CompiledCalendar, t: Date): boolean {
  const instant = instantOf(t, 't');
  const day = utcDay(instant);
  for (let d = day - DAYS_BEFORE; d <= day + DAYS_AFTER; d++) {
    if (calendar.intervalsOfDay(d).some((interval) => interval.start <= instant && instant < interval.end)) {
      return true;
    }
  }
  return false;
}

/**
 * The working windows overlapping `[from, to)`, clipped to it, in time order (empty if `to <= from`).
 * Windows are not merged: two touching windows (`08:00–12:00`, `12:00–17:00`) stay two entries.
 */
export function workingWindows(calendar: CompiledCalendar, from: Date, to: Date): WorkingWindow[] {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  const windows: WorkingWindow[] = [];
  if (end <= start) return windows;
  const firstDay = Math.max(utcDay(start) - DAYS_BEFORE, calendar.firstWorkingDay);
  const lastDay = Math.min(utcDay(end) + DAYS_AFTER, calendar.lastWorkingDay);
  for (let day = firstDay; day <= lastDay; day++) {
    for (const interval of calendar.intervalsOfDay(day)) {
      const clippedStart = Math.max(interval.start, start);
      const clippedEnd = Math.min(interval.end, end);
      if (clippedEnd <= clippedStart) continue;
      const window: WorkingWindow = {
        start: new Date(clippedStart),
        end: new Date(clippedEnd),
        date: formatIsoDate(interval.day),
      };
      if (interval.name !== undefined) window.name = interval.name;
      windows.push(window);
    }
  }
  return windows;
}

type Interval = ReturnType<CompiledCalendar['intervalsOfDay']>[number];

function forward(calendar: CompiledCalendar, start: number, amount: number): number {
  let remaining = amount;
  return scanForward(calendar, start, (interval, from) => {
    const available = interval.end - from;
    if (remaining <= available) return from + remaining;
    remaining -= available;
    return undefined;
  });
}

/**
 * Visits, in time order, every interval ending after `start` (with `from` = the later of its start and
 * `start`) until `visit` returns an instant. Bounded: throws `NO_WORKING_TIME` past the calendar's last
 * working date, after `MAX_IDLE_DAYS` days without working time, or past the supported range.
 */
function scanForward(
  calendar: CompiledCalendar,
  start: number,
  visit: (interval: Interval, from: number) => number | undefined,
): number {
  let lastWorkDay = utcDay(start);
  for (let day = lastWorkDay - DAYS_BEFORE; ; day++) {
    if (day > calendar.lastWorkingDay || day - lastWorkDay > MAX_IDLE_DAYS || day > MAX_DAY) {
      throw noWorkingTime(calendar, 'after', start);
    }
    for (const interval of calendar.intervalsOfDay(day)) {
      const from = Math.max(interval.start, start);
      if (interval.end <= from) continue;
      lastWorkDay = day;
      const found = visit(interval, from);
      if (found !== undefined) return found;
    }
  }
}

function backward(calendar: CompiledCalendar, start: number, amount: number): number {
  let remaining = amount;
  let lastWorkDay = utcDay(start);
  for (let day = lastWorkDay + DAYS_AFTER; ; day--) {
    if (day < calendar.firstWorkingDay || lastWorkDay - day > MAX_IDLE_DAYS || day < MIN_DAY) {
      throw noWorkingTime(calendar, 'before', start);
    }
    const intervals = calendar.intervalsOfDay(day);
    for (let i = intervals.length - 1; i >= 0; i--) {
      const interval = intervals[i];
      if (!interval) continue;
      const to = Math.min(interval.end, start);
      if (to <= interval.start) continue;
      lastWorkDay = day;
      const available = to - interval.start;
      if (remaining <= available) return to - remaining;
      remaining -= available;
    }
  }
}

function noWorkingTime(
  calendar: CompiledCalendar,
  direction: 'after' | 'before',
  instant: number,
): CalendarError {
  const reason = calendar.hasWorkingTime
    ? `no working time ${direction} ${new Date(instant).toISOString()} within ${MAX_IDLE_DAYS} days or the calendar's working dates`
    : 'the calendar has no working window at all';
  return new CalendarError(
    'NO_WORKING_TIME',
    'calendar',
    `Cannot reach the requested working time: ${reason}`,
  );
}

function instantOf(value: Date, field: string): number {
  const instant = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(instant)) {
    throw new CalendarError('INVALID_ARGUMENT', field, `${field} must be a valid Date`);
  }
  if (instant < MIN_INSTANT || instant >= MAX_INSTANT) {
    throw new CalendarError('INVALID_ARGUMENT', field, `${field} must lie within the years 1000–8999`);
  }
  return instant;
}

function utcDay(instant: number): number {
  return Math.floor(instant / DAY_MS);
}
