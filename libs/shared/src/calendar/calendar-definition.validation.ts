import {
  DEFAULT_TIME_ZONE,
  WEEKDAYS,
  type CalendarDefinition,
  type CalendarException,
  type CalendarExceptionKind,
  type ShiftWindow,
  type Weekday,
} from './calendar-definition';
import { CalendarError } from './calendar.errors';
import { formatIsoDate, MINUTES_PER_DAY, parseIsoDate, weekdayIndex } from './civil-date';
import { formatClockTime, parseClockTime } from './clock-time';
import { TimeZone } from './time-zone';

/** A validated window in minutes after the local midnight of its date; `start < end <= start + 1440`. */
export interface MinuteWindow {
  readonly start: number;
  readonly end: number;
  readonly name: string | undefined;
  /** Where it came from, for messages: `weekly.mon[0]`, `exceptions[2].windows[1]`. */
  readonly field: string;
  /** The window as written (normalized: known keys only). */
  readonly shift: ShiftWindow;
}

/** A definition that passed validation, with its windows in minutes. */
export interface ValidatedCalendar {
  /** Normalized copy: canonical time-zone name, no unknown keys. */
  readonly definition: CalendarDefinition;
  readonly zone: TimeZone;
  /** Weekly windows sorted by start, index 0 = Monday. */
  readonly weekly: readonly (readonly MinuteWindow[])[];
  /** Effective windows (sorted) of every date with an exception, keyed by day number. */
  readonly exceptionDays: ReadonlyMap<number, readonly MinuteWindow[]>;
}

const EXCEPTION_KINDS: readonly CalendarExceptionKind[] = ['holiday', 'workday', 'overtime'];
const DEFINITION_KEYS = ['timeZone', 'weekly', 'exceptions'];
const WINDOW_KEYS = ['start', 'end', 'name'];
const EXCEPTION_KEYS = ['date', 'kind', 'windows'];

/**
 * Validates untrusted input (e.g. a request body) as a `CalendarDefinition` and returns a normalized
 * copy. Throws `CalendarError` (`INVALID_DEFINITION`, `field` = path of the first problem) for: a
 * missing or unknown key, a time that is not strict `HH:mm` (`24:00` allowed as an end only), two
 * windows of one date that overlap (including a window crossing midnight into the next date's
 * windows), an unknown time zone, an impossible or duplicate exception date, a wrong `kind`, a holiday
 * with windows, or a workday/overtime exception without windows.
 */
export function parseCalendarDefinition(input: unknown): CalendarDefinition {
  return validateCalendarDefinition(input).definition;
}

/** `parseCalendarDefinition` plus the windows in minutes, for `compileCalendar`. */
export function validateCalendarDefinition(input: unknown): ValidatedCalendar {
  if (!isRecord(input)) invalid('definition', 'the calendar definition must be an object');
  rejectUnknownKeys(input, DEFINITION_KEYS, '');
  const zone = parseTimeZone(input.timeZone);

  if (!isRecord(input.weekly)) {
    invalid('weekly', 'weekly must be an object with the keys mon, tue, wed, thu, fri, sat, sun');
  }
  const weeklyInput = input.weekly;
  for (const key of Object.keys(weeklyInput)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      invalid(`weekly.${key}`, `weekly.${key} is not a weekday; use mon, tue, wed, thu, fri, sat, sun`);
    }
  }
  const weekly = WEEKDAYS.map((day) => parseWindows(weeklyInput[day], `weekly.${day}`, 'required'));
  weekly.forEach((windows) => {
    assertNoOverlap(windows, '');
  });
  weekly.forEach((windows, index) => {
    assertNoSpillOver(windows, weekly[(index + 1) % 7] ?? [], '');
  });

  const exceptions = parseExceptions(input.exceptions, weekly);
  const effective = (day: number): readonly MinuteWindow[] =>
    exceptions.days.get(day) ?? weekly[weekdayIndex(day)] ?? [];
  for (const day of exceptions.days.keys()) {
    const context = ` on ${formatIsoDate(day)}`;
    assertNoOverlap(effective(day), context);
    assertNoSpillOver(effective(day - 1), effective(day), ` on ${formatIsoDate(day - 1)}`);
    assertNoSpillOver(effective(day), effective(day + 1), context);
  }

  const definition: CalendarDefinition = {
    timeZone: zone.name,
    weekly: Object.fromEntries(
      WEEKDAYS.map((day, index) => [day, (weekly[index] ?? []).map(toShiftWindow)]),
    ) as Record<Weekday, ShiftWindow[]>,
    exceptions: exceptions.normalized,
  };
  return {
    definition,
    zone,
    weekly: weekly.map((windows) => [...windows].sort(byStart)),
    exceptionDays: new Map([...exceptions.days].map(([day, windows]) => [day, [...windows].sort(byStart)])),
  };
}

function parseTimeZone(value: unknown): TimeZone {
  if (value === undefined) return TimeZone.of(DEFAULT_TIME_ZONE);
  if (typeof value !== 'string' || value.trim() === '') {
    invalid(
      'timeZone',
      `timeZone must be an IANA time zone name such as "Asia/Shanghai", got ${describe(value)}`,
    );
  }
  return TimeZone.of(value);
}

function parseExceptions(
  value: unknown,
  weekly: readonly (readonly MinuteWindow[])[],
): { normalized: CalendarException[]; days: Map<number, readonly MinuteWindow[]> } {
  const normalized: CalendarException[] = [];
  const days = new Map<number, readonly MinuteWindow[]>();
  if (value === undefined) return { normalized, days };
  if (!Array.isArray(value)) invalid('exceptions', 'exceptions must be an array when present');
  const seen = new Map<number, string>();
  (value as unknown[]).forEach((entry, index) => {
    const field = `exceptions[${index}]`;
    if (!isRecord(entry)) invalid(field, `${field} must be an object { date, kind, windows? }`);
    rejectUnknownKeys(entry, EXCEPTION_KEYS, field);

    const date = entry.date;
    const day = typeof date === 'string' ? parseIsoDate(date) : undefined;
    if (day === undefined || typeof date !== 'string') {
      invalid(`${field}.date`, `${field}.date must be a real date "YYYY-MM-DD", got ${describe(date)}`);
    }
    const earlier = seen.get(day);
    if (earlier !== undefined) {
      invalid(`${field}.date`, `${field}.date ${date} already has an exception (${earlier}); one per date`);
    }
    seen.set(day, field);

    const kind = entry.kind;
    if (!EXCEPTION_KINDS.includes(kind as CalendarExceptionKind)) {
      invalid(
        `${field}.kind`,
        `${field}.kind must be "holiday", "workday" or "overtime", got ${describe(kind)}`,
      );
    }
    const exceptionKind = kind as CalendarExceptionKind;
    const windowsField = `${field}.windows`;
    if (exceptionKind === 'holiday') {
      const windows = parseWindows(entry.windows, windowsField, 'optional');
      if (windows.length > 0) invalid(windowsField, `${windowsField} must be omitted or empty for a holiday`);
      days.set(day, []);
      normalized.push({ date, kind: exceptionKind });
      return;
    }
    const windows = parseWindows(entry.windows, windowsField, 'required');
    if (windows.length === 0) {
      invalid(
        windowsField,
        `${windowsField} must list at least one window for a "${exceptionKind}" exception`,
      );
    }
    const base = exceptionKind === 'overtime' ? (weekly[weekdayIndex(day)] ?? []) : [];
    days.set(day, [...base, ...windows]);
    normalized.push({ date, kind: exceptionKind, windows: windows.map(toShiftWindow) });
  });
  return { normalized, days };
}

function parseWindows(value: unknown, field: string, presence: 'required' | 'optional'): MinuteWindow[] {
  if (value === undefined && presence === 'optional') return [];
  if (!Array.isArray(value)) {
    invalid(field, `${field} must be an array of windows { start: "HH:mm", end: "HH:mm" } ([] for none)`);
  }
  return (value as unknown[]).map((entry, index) => parseWindow(entry, `${field}[${index}]`));
}

function parseWindow(value: unknown, field: string): MinuteWindow {
  if (!isRecord(value)) invalid(field, `${field} must be an object { start: "HH:mm", end: "HH:mm", name? }`);
  rejectUnknownKeys(value, WINDOW_KEYS, field);
  const start = parseClockTime(value.start, false);
  if (start === undefined) {
    invalid(
      `${field}.start`,
      `${field}.start must be a time "HH:mm" from 00:00 to 23:59, got ${describe(value.start)}`,
    );
  }
  const end = parseClockTime(value.end, true);
  if (end === undefined) {
    invalid(
      `${field}.end`,
      `${field}.end must be a time "HH:mm" from 00:00 to 24:00, got ${describe(value.end)}`,
    );
  }
  const name = value.name;
  if (name !== undefined && typeof name !== 'string') {
    invalid(`${field}.name`, `${field}.name must be a string when present, got ${describe(name)}`);
  }
  const shift: ShiftWindow = { start: value.start as string, end: value.end as string };
  if (name !== undefined) shift.name = name;
  return { start, end: end <= start ? end + MINUTES_PER_DAY : end, name, field, shift };
}

/** Windows of one date must not overlap (touching is fine); blames the later-listed window. */
function assertNoOverlap(windows: readonly MinuteWindow[], context: string): void {
  const sorted = windows
    .map((window, index) => ({ window, index }))
    .sort((a, b) => byStart(a.window, b.window));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && previous.window.end > current.window.start) {
      const [kept, blamed] =
        previous.index < current.index
          ? [previous.window, current.window]
          : [current.window, previous.window];
      invalid(
        blamed.field,
        `${blamed.field} (${describeWindow(blamed)}) overlaps ${kept.field} (${describeWindow(kept)})${context}`,
      );
    }
  }
}

/**
 * A window crossing midnight must end before the next date's first window starts. Blames the crossing
 * window, unless only the next date's window comes from an exception.
 */
function assertNoSpillOver(
  day: readonly MinuteWindow[],
  nextDay: readonly MinuteWindow[],
  context: string,
): void {
  for (const window of day) {
    const spill = window.end - MINUTES_PER_DAY;
    if (spill <= 0) continue;
    const hit = nextDay.find((next) => next.start < spill);
    if (!hit) continue;
    const blameHit = isFromException(hit) && !isFromException(window);
    invalid(
      blameHit ? hit.field : window.field,
      `${window.field} (${describeWindow(window)}) runs past midnight into ${hit.field} (${describeWindow(hit)})${context}`,
    );
  }
}

function isFromException(window: MinuteWindow): boolean {
  return window.field.startsWith('exceptions');
}

function toShiftWindow(window: MinuteWindow): ShiftWindow {
  return { ...window.shift };
}

function byStart(a: MinuteWindow, b: MinuteWindow): number {
  return a.start - b.start;
}

function describeWindow(window: MinuteWindow): string {
  return `${formatClockTime(window.start)}–${formatClockTime(window.end)}`;
}

function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const path = field === '' ? key : `${field}.${key}`;
      invalid(path, `${path} is not a known field (expected ${allowed.join(', ')})`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  try {
    return JSON.stringify(value);
  } catch {
    return typeof value;
  }
}

function invalid(field: string, message: string): never {
  throw new CalendarError('INVALID_DEFINITION', field, message);
}
