/**
 * The stored shape of a working-time calendar (e.g. a work-center shift calendar). Plain JSON;
 * validate untrusted input with `parseCalendarDefinition` and compile it with `compileCalendar`.
 */

/** Time zone used when a definition names none: the platform's default tenant zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Weekday keys of `CalendarDefinition.weekly`, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * One working window in local wall-clock time, `start` inclusive, `end` exclusive, both strict `HH:mm`.
 * `end` may be `24:00`. `end <= start` means the window crosses midnight into the next day
 * (`22:00`–`06:00` is 8 h; `08:00`–`08:00` is a full 24 h). A window belongs to the date it starts on.
 * Breaks are the gaps between windows.
 */
export interface ShiftWindow {
  start: string;
  end: string;
  /** Free label, e.g. "早班" or "night"; carried through to `workingWindows`. */
  name?: string;
}

/**
 * - `holiday`: no window starts on that local date (a night shift started the day before still ends
 *   normally); `windows` must be omitted or empty.
 * - `workday`: that date uses `windows` instead of its weekly pattern (e.g. a 调休 Saturday).
 * - `overtime`: `windows` are worked in addition to the date's weekly windows (must not overlap them).
 */
export type CalendarExceptionKind = 'holiday' | 'workday' | 'overtime';

export interface CalendarException {
  /** Local date `YYYY-MM-DD`; at most one exception per date. */
  date: string;
  kind: CalendarExceptionKind;
  windows?: readonly ShiftWindow[];
}

export interface CalendarDefinition {
  /** IANA time zone of the wall-clock times, e.g. `Asia/Shanghai`; defaults to `DEFAULT_TIME_ZONE`. */
  timeZone?: string;
  /** Working windows per weekday (every key required; `[]` for a day off). */
  weekly: Readonly<Record<Weekday, readonly ShiftWindow[]>>;
  exceptions?: readonly CalendarException[];
}
