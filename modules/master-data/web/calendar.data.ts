// The calendar editor's form ↔ `CalendarDefinition`, API error paths → rows, and the preview timeline.
import type {
  CalendarDefinition,
  CalendarException,
  CalendarExceptionKind,
  ShiftWindow,
  Weekday,
} from '@mes/shared';
import { ApiError } from '@mes/web-core';
import type { CalendarInput, CalendarView, WorkingTimeView } from './api/calendar.api';
import type { Option } from './data';

/** Monday first, as `CalendarDefinition.weekly` (kept here: the web does not load the calendar library). */
export const WEEKDAY_KEYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const DEFAULT_CALENDAR_ZONE = 'Asia/Shanghai';
const MINUTES_PER_DAY = 1440;

export const CALENDAR_LIMITS = { code: 40, name: 100, windowName: 20 } as const;

export const EXCEPTION_KIND_OPTIONS: Option<CalendarExceptionKind>[] = [
  { value: 'holiday', labelKey: 'masterData.exceptionKind.holiday', tagType: 'danger' },
  { value: 'workday', labelKey: 'masterData.exceptionKind.workday', tagType: 'warning' },
  { value: 'overtime', labelKey: 'masterData.exceptionKind.overtime', tagType: 'primary' },
];

/** Zones offered first in the time-zone select (the rest follow from the browser's list). */
const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Bangkok',
  'Asia/Ho_Chi_Minh',
  'Asia/Jakarta',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

/** The common zones, then every other zone the browser knows. */
export function timeZoneOptions(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const all = typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...COMMON_ZONES, ...all])];
}

// ---------------------------------------------------------------- form

export interface WindowRow {
  /** Stable key for v-for (not sent). */
  key: number;
  start: string;
  end: string;
  name: string;
}

export interface ExceptionRow {
  key: number;
  date: string;
  kind: CalendarExceptionKind;
  windows: WindowRow[];
}

export interface CalendarForm {
  code: string;
  name: string;
  timeZone: string;
  weekly: Record<Weekday, WindowRow[]>;
  exceptions: ExceptionRow[];
}

let rowKey = 0;
const nextKey = () => {
  rowKey += 1;
  return rowKey;
};

/** A window row; `24:00` is shown as `00:00` (the same end: a window ending at or before its start ends the next day). */
export function windowRow(start = '', end = '', name = ''): WindowRow {
  return { key: nextKey(), start, end: end === '24:00' ? '00:00' : end, name };
}

export function exceptionRow(date = '', kind: CalendarExceptionKind = 'holiday'): ExceptionRow {
  return { key: nextKey(), date, kind, windows: [] };
}

const emptyWeek = (): Record<Weekday, WindowRow[]> => ({
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
});

/** A new calendar: 08:00–12:00 and 13:00–17:00 Monday to Friday. */
export function emptyCalendarForm(): CalendarForm {
  const weekly = emptyWeek();
  for (const day of WEEKDAY_KEYS.slice(0, 5))
    weekly[day] = [windowRow('08:00', '12:00'), windowRow('13:00', '17:00')];
  return { code: '', name: '', timeZone: DEFAULT_CALENDAR_ZONE, weekly, exceptions: [] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function windowsOf(value: unknown): WindowRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((w) => windowRow(str(w['start']), str(w['end']), str(w['name'])));
}

/** The stored definition (JSON the API validated) as editable rows. */
export function definitionToForm(
  definition: unknown,
): Pick<CalendarForm, 'timeZone' | 'weekly' | 'exceptions'> {
  const def = isRecord(definition) ? definition : {};
  const weeklyIn = isRecord(def['weekly']) ? def['weekly'] : {};
  const weekly = emptyWeek();
  for (const day of WEEKDAY_KEYS) weekly[day] = windowsOf(weeklyIn[day]);
  const exceptions = (Array.isArray(def['exceptions']) ? def['exceptions'] : []).filter(isRecord).map((e) => {
    const kind = str(e['kind']) as CalendarExceptionKind;
    return { ...exceptionRow(str(e['date']), kind), windows: windowsOf(e['windows']) };
  });
  return { timeZone: str(def['timeZone']) || DEFAULT_CALENDAR_ZONE, weekly, exceptions };
}

export function calendarToForm(view: CalendarView): CalendarForm {
  return { code: view.code, name: view.name, ...definitionToForm(view.definition) };
}

function toWindow(row: WindowRow): ShiftWindow {
  const name = row.name.trim();
  return name ? { start: row.start, end: row.end, name } : { start: row.start, end: row.end };
}

/**
 * The `CalendarDefinition` of the form. Rows keep their order (so that `weekly.mon[1]` in an error is
 * row 1 of Monday); a holiday sends no windows.
 */
export function formToDefinition(form: CalendarForm): CalendarDefinition {
  const weekly = {} as Record<Weekday, ShiftWindow[]>;
  for (const day of WEEKDAY_KEYS) weekly[day] = form.weekly[day].map(toWindow);
  const exceptions: CalendarException[] = form.exceptions.map((e) =>
    e.kind === 'holiday'
      ? { date: e.date, kind: e.kind }
      : { date: e.date, kind: e.kind, windows: e.windows.map(toWindow) },
  );
  return { timeZone: form.timeZone.trim() || DEFAULT_CALENDAR_ZONE, weekly, exceptions };
}

export function calendarFormToInput(form: CalendarForm): CalendarInput {
  return { code: form.code.trim(), name: form.name.trim(), definition: formToDefinition(form) };
}

/** Copies one day's windows (fresh rows) onto other days. */
export function copyDay(form: CalendarForm, from: Weekday, to: readonly Weekday[]): void {
  for (const day of to) {
    if (day === from) continue;
    form.weekly[day] = form.weekly[from].map((w) => windowRow(w.start, w.end, w.name));
  }
}

// ---------------------------------------------------------------- minutes

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of `HH:mm` (`24:00` = 1440); null when not a time. */
export function clockMinutes(value: string): number | null {
  if (value === '24:00') return MINUTES_PER_DAY;
  const m = CLOCK.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Length of a window: an end at or before the start is on the next day (`08:00`–`08:00` = 24 h). */
export function windowMinutes(start: string, end: string): number {
  const s = clockMinutes(start);
  const e = clockMinutes(end);
  if (s === null || e === null || s === MINUTES_PER_DAY) return 0;
  return e <= s ? e + MINUTES_PER_DAY - s : e - s;
}

export const dayMinutes = (rows: readonly WindowRow[]) =>
  rows.reduce((sum, w) => sum + windowMinutes(w.start, w.end), 0);

/** Working minutes of a normal week of the form (no exceptions). */
export const weekMinutes = (form: CalendarForm) =>
  WEEKDAY_KEYS.reduce((sum, day) => sum + dayMinutes(form.weekly[day]), 0);

/** "37.5" hours of minutes: at most two decimals, no trailing zeros. */
export function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

// ---------------------------------------------------------------- checks and API errors

export type WindowField = 'start' | 'end' | 'name';
export type WindowErrors = Partial<Record<WindowField | 'window', string>>;

/** i18n keys of what is wrong with a window row before sending (a missing or malformed time). */
export function windowErrors(row: WindowRow): WindowErrors {
  const errors: WindowErrors = {};
  if (!row.start) errors.start = 'masterData.rules.startRequired';
  else if (clockMinutes(row.start) === null || row.start === '24:00')
    errors.start = 'masterData.rules.timeInvalid';
  if (!row.end) errors.end = 'masterData.rules.endRequired';
  else if (clockMinutes(row.end) === null) errors.end = 'masterData.rules.timeInvalid';
  return errors;
}

/** i18n key of what is wrong with each exception row (date missing or repeated, windows missing), or null. */
export function exceptionErrors(rows: readonly ExceptionRow[]): (string | null)[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date)) return 'masterData.rules.dateRequired';
    if (seen.has(r.date)) return 'masterData.calendars.errDuplicateDate';
    seen.add(r.date);
    if (r.kind !== 'holiday' && r.windows.length === 0) return 'masterData.calendars.errNeedsWindows';
    return null;
  });
}

/** Where a problem of the definition is: a weekly window, an exception (or one of its windows), the zone. */
export type CalendarErrorAt =
  | { area: 'weekly'; day: Weekday; index: number | null; field: WindowField | null }
  | { area: 'exception'; index: number; window: number | null; field: string | null }
  | { area: 'timeZone' }
  | { area: 'definition' };

/**
 * The place of an API detail: `definition.weekly.mon[1].end` → Monday's window 1, its end;
 * `definition.exceptions[2].windows[0]` → exception 2, its window 0; null when not about the definition.
 */
export function calendarErrorAt(path: string): CalendarErrorAt | null {
  if (path !== 'definition' && !path.startsWith('definition.')) return null;
  const rest = path.slice('definition.'.length);
  const weekly = /^weekly\.(mon|tue|wed|thu|fri|sat|sun)(?:\[(\d+)\](?:\.(start|end|name))?)?/.exec(rest);
  if (weekly) {
    return {
      area: 'weekly',
      day: weekly[1] as Weekday,
      index: weekly[2] === undefined ? null : Number(weekly[2]),
      field: (weekly[3] as WindowField | undefined) ?? null,
    };
  }
  const exception = /^exceptions\[(\d+)\](?:\.windows(?:\[(\d+)\])?)?(?:\.(\w+))?/.exec(rest);
  if (exception) {
    return {
      area: 'exception',
      index: Number(exception[1]),
      window: exception[2] === undefined ? null : Number(exception[2]),
      field: exception[3] ?? (/\.windows/.test(rest) ? 'windows' : null),
    };
  }
  if (rest === 'timeZone' || rest.startsWith('timeZone')) return { area: 'timeZone' };
  return { area: 'definition' };
}

/** The API's calendar problems placed on the form: per window key, per exception key, and the rest. */
export interface CalendarServerErrors {
  /** By window row key. */
  windows: Record<number, string>;
  /** By exception row key. */
  exceptions: Record<number, string>;
  /** By weekday, for a problem of the whole day. */
  days: Partial<Record<Weekday, string>>;
  timeZone: string;
  definition: string;
  /** Other fields (code, name). */
  fields: Record<string, string>;
}

export function emptyCalendarErrors(): CalendarServerErrors {
  return { windows: {}, exceptions: {}, days: {}, timeZone: '', definition: '', fields: {} };
}

/** Spreads the details of a failed save over the rows they name. */
export function placeCalendarErrors(error: unknown, form: CalendarForm, say: (message: string) => string) {
  const out = emptyCalendarErrors();
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    const at = calendarErrorAt(d.field);
    const message = say(d.message);
    if (!at) {
      const field = d.field.split(/[.[]/)[0] ?? d.field;
      out.fields[field] ??= message;
      continue;
    }
    switch (at.area) {
      case 'weekly': {
        const row = at.index === null ? undefined : form.weekly[at.day][at.index];
        if (row) out.windows[row.key] ??= message;
        else out.days[at.day] ??= message;
        break;
      }
      case 'exception': {
        const exception = form.exceptions[at.index];
        const row = at.window === null ? undefined : exception?.windows[at.window];
        if (row) out.windows[row.key] ??= message;
        else if (exception) out.exceptions[exception.key] ??= message;
        else out.definition ||= message;
        break;
      }
      case 'timeZone':
        out.timeZone ||= message;
        break;
      case 'definition':
        out.definition ||= message;
        break;
    }
  }
  return out;
}

/** The library's English message of a definition problem, as an i18n key when it is a usual one. */
export function calendarMessageKey(message: string): string | null {
  if (/ overlaps /.test(message)) return 'masterData.calendars.errOverlap';
  if (/runs past midnight/.test(message)) return 'masterData.calendars.errSpill';
  if (/must be a time/.test(message)) return 'masterData.rules.timeInvalid';
  if (/already has an exception/.test(message)) return 'masterData.calendars.errDuplicateDate';
  if (/must be a real date/.test(message)) return 'masterData.calendars.errDate';
  if (/must be omitted or empty for a holiday/.test(message)) return 'masterData.calendars.errHolidayWindows';
  if (/windows/.test(message) && /required|at least|must have/.test(message))
    return 'masterData.calendars.errNeedsWindows';
  if (/time zone/i.test(message)) return 'masterData.calendars.errZone';
  return null;
}

// ---------------------------------------------------------------- preview timeline

/** Offset of `zone` from UTC at `instant`, in minutes (east positive). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The local date `YYYY-MM-DD` of `instant` in `zone`. */
export function zoneDate(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, zone) * 60000);
  return shifted.toISOString().slice(0, 10);
}

/** The instant of local midnight of `date` (`YYYY-MM-DD`) in `zone`. */
export function zoneMidnight(date: string, zone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let guess = utcMidnight - zoneOffsetMinutes(new Date(utcMidnight), zone) * 60000;
  // Once more with the offset at the guess (a DST change between UTC and local midnight).
  guess = utcMidnight - zoneOffsetMinutes(new Date(guess), zone) * 60000;
  return new Date(guess);
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The preview's range: `days` local days in `zone` from the day of `now`. */
export function previewRange(now: Date, zone: string, days = 14): { from: Date; to: Date; dates: string[] } {
  const first = zoneDate(now, zone);
  const dates = Array.from({ length: days }, (_v, i) => addDays(first, i));
  return { from: zoneMidnight(first, zone), to: zoneMidnight(addDays(first, days), zone), dates };
}

export interface TimelineSegment {
  /** Minutes after local midnight. */
  start: number;
  end: number;
  name: string;
}

export interface TimelineDay {
  date: string;
  /** 0 = Monday. */
  weekday: number;
  segments: TimelineSegment[];
  minutes: number;
}

/**
 * The working windows of the preview as one bar per local day: each window cut at local midnights,
 * positions in minutes after the day's midnight.
 */
export function timelineDays(view: WorkingTimeView, dates: readonly string[], zone: string): TimelineDay[] {
  const days = dates.map<TimelineDay>((date) => ({
    date,
    weekday: (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7,
    segments: [],
    minutes: 0,
  }));
  const bounds = dates.map((d) => zoneMidnight(d, zone).getTime());
  const last = dates.length ? zoneMidnight(addDays(dates[dates.length - 1] ?? '', 1), zone).getTime() : 0;
  bounds.push(last);
  for (const w of view.windows) {
    const start = Date.parse(w.start);
    const end = Date.parse(w.end);
    days.forEach((day, i) => {
      const dayStart = bounds[i] ?? 0;
      const dayEnd = bounds[i + 1] ?? 0;
      const s = Math.max(start, dayStart);
      const e = Math.min(end, dayEnd);
      if (e <= s) return;
      const segment = {
        start: Math.round((s - dayStart) / 60000),
        end: Math.round((e - dayStart) / 60000),
        name: w.name ?? '',
      };
      day.segments.push(segment);
      day.minutes += segment.end - segment.start;
    });
  }
  return days;
}
