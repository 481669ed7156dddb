import {
  WEEKDAYS,
  type CalendarDefinition,
  type CalendarException,
  type ShiftWindow,
  type Weekday,
} from './calendar-definition';
import { CalendarError } from './calendar.errors';
import { compileCalendar, type CompiledCalendar } from './compiled-calendar';
import {
  addWorkingMinutes,
  isWorkingInstant,
  nextWorkingInstant,
  subtractWorkingMinutes,
  workingMillisecondsBetween,
  workingMinutesBetween,
  workingWindows,
} from './working-time';

/** Small seeded PRNG (mulberry32): the same seed gives the same cases on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const RANGE_START = Date.parse('2025-12-01T00:00:00Z');
const RANGE_DAYS = 500; // covers the 2026 and 2027 DST transitions
const ZONES = [
  'Asia/Shanghai',
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
];
const FIXED_OFFSET_MINUTES: Record<string, number> = { 'Asia/Shanghai': 480, UTC: 0, 'Asia/Kolkata': 330 };

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

class Cases {
  constructor(private readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('empty');
    return item;
  }

  /** 0–3 windows of one day on a random grid; sometimes the last one crosses midnight or ends at 24:00. */
  windows(): ShiftWindow[] {
    const count = this.int(0, 3);
    const grid = this.pick([1, 5, 15, 30, 60]);
    const points = new Set<number>();
    while (points.size < count * 2) points.add(this.int(0, 1439 / grid) * grid);
    const sorted = [...points].sort((a, b) => a - b);
    const windows: ShiftWindow[] = [];
    for (let i = 0; i < count; i++) {
      windows.push({ start: hhmm(sorted[2 * i] ?? 0), end: hhmm(sorted[2 * i + 1] ?? 0) });
    }
    const last = windows.at(-1);
    const roll = this.random();
    if (last && roll < 0.3)
      last.end = hhmm(this.int(0, 8 * 60)); // crosses midnight
    else if (last && roll < 0.4) last.end = '24:00';
    return windows;
  }

  definition(): CalendarDefinition {
    const weekly = Object.fromEntries(
      WEEKDAYS.map((day) => [day, this.random() < 0.25 ? [] : this.windows()]),
    );
    const exceptions: CalendarException[] = [];
    const dates = new Set<string>();
    for (let i = this.int(0, 6); i > 0; i--) {
      const date = new Date(RANGE_START + this.int(0, RANGE_DAYS) * DAY).toISOString().slice(0, 10);
      if (dates.has(date)) continue;
      dates.add(date);
      const kind = this.pick(['holiday', 'workday', 'overtime'] as const);
      if (kind === 'holiday') exceptions.push({ date, kind });
      else
        exceptions.push({
          date,
          kind,
          windows: [{ start: hhmm(this.int(0, 1439)), end: hhmm(this.int(0, 1439)) }],
        });
    }
    return { timeZone: this.pick(ZONES), weekly: weekly as Record<Weekday, ShiftWindow[]>, exceptions };
  }

  /** A random valid calendar with some working time (invalid random definitions are redrawn). */
  calendar(): CompiledCalendar {
    for (;;) {
      try {
        const calendar = compileCalendar(this.definition());
        if (calendar.hasWorkingTime && calendar.firstWorkingDay === -Infinity) return calendar;
      } catch (error) {
        if (!(error instanceof CalendarError)) throw error;
      }
    }
  }

  /** A random instant in the range, on a whole minute half of the time. */
  instant(): Date {
    const ms = RANGE_START + Math.floor(this.random() * RANGE_DAYS * DAY);
    return new Date(this.random() < 0.5 ? ms - (ms % MINUTE) : ms);
  }

  minutes(): number {
    return this.pick([0, 1, this.int(1, 60), this.int(1, 1000), this.int(1, 20_000)]);
  }
}

const CALENDARS = 60;
const SAMPLES = 25;

describe('working-time invariants (seeded random calendars and instants)', () => {
  const cases = new Cases(prng(20_261_001));
  const calendars = Array.from({ length: CALENDARS }, () => cases.calendar());

  it('covers every time zone', () => {
    expect(new Set(calendars.map((c) => c.timeZone)).size).toBe(ZONES.length);
  });

  it('workingMinutesBetween(t, addWorkingMinutes(t, n)) === n, and the result ends a stretch of work', () => {
    for (const calendar of calendars) {
      for (let i = 0; i < SAMPLES; i++) {
        const t = cases.instant();
        const n = cases.minutes();
        const end = addWorkingMinutes(calendar, t, n);
        expect(workingMinutesBetween(calendar, t, end)).toBe(n);
        if (n === 0) {
          expect(end.getTime()).toBe(t.getTime());
        } else {
          // inside a window or exactly at its end: the millisecond before `end` is working time
          expect(workingMillisecondsBetween(calendar, new Date(end.getTime() - 1), end)).toBe(1);
          // and going back the same amount lands on the first working instant at or after t
          expect(subtractWorkingMinutes(calendar, end, n).getTime()).toBe(
            nextWorkingInstant(calendar, t).getTime(),
          );
        }
      }
    }
  });

  it('subtractWorkingMinutes goes back exactly n working minutes, to the start of a stretch of work', () => {
    for (const calendar of calendars) {
      for (let i = 0; i < SAMPLES; i++) {
        const t = cases.instant();
        const n = cases.minutes();
        const start = subtractWorkingMinutes(calendar, t, n);
        expect(workingMinutesBetween(calendar, start, t)).toBe(n);
        if (n > 0) expect(workingMillisecondsBetween(calendar, start, new Date(start.getTime() + 1))).toBe(1);
      }
    }
  });

  it('is additive: between(a, c) === between(a, b) + between(b, c) for a <= b <= c', () => {
    for (const calendar of calendars) {
      for (let i = 0; i < SAMPLES; i++) {
        const [a, b, c] = [cases.instant(), cases.instant(), cases.instant()].sort(
          (x, y) => x.getTime() - y.getTime(),
        );
        if (!a || !b || !c) throw new Error('three instants');
        expect(workingMillisecondsBetween(calendar, a, c)).toBe(
          workingMillisecondsBetween(calendar, a, b) + workingMillisecondsBetween(calendar, b, c),
        );
        const whole = (d: Date): Date => new Date(d.getTime() - (d.getTime() % MINUTE));
        expect(workingMinutesBetween(calendar, whole(a), whole(c))).toBe(
          workingMinutesBetween(calendar, whole(a), whole(b)) +
            workingMinutesBetween(calendar, whole(b), whole(c)),
        );
      }
    }
  });

  it('is monotonic in n', () => {
    for (const calendar of calendars) {
      const t = cases.instant();
      const ns = Array.from({ length: SAMPLES }, () => cases.minutes()).sort((x, y) => x - y);
      const ends = ns.map((n) => addWorkingMinutes(calendar, t, n).getTime());
      ends.forEach((end, i) => {
        expect(end).toBeGreaterThanOrEqual(ends[i - 1] ?? t.getTime());
      });
    }
  });

  it('nextWorkingInstant is the first working instant at or after t', () => {
    for (const calendar of calendars) {
      for (let i = 0; i < SAMPLES; i++) {
        const t = cases.instant();
        const next = nextWorkingInstant(calendar, t);
        expect(next.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(workingMillisecondsBetween(calendar, t, next)).toBe(0);
        expect(isWorkingInstant(calendar, next)).toBe(true);
      }
    }
  });

  it('workingWindows are ordered, disjoint, clipped and sum to workingMillisecondsBetween', () => {
    for (const calendar of calendars) {
      for (let i = 0; i < 5; i++) {
        const from = cases.instant();
        const to = new Date(from.getTime() + cases.int(0, 20) * DAY + cases.int(0, DAY));
        const windows = workingWindows(calendar, from, to);
        let previousEnd = from.getTime();
        let total = 0;
        for (const window of windows) {
          expect(window.start.getTime()).toBeGreaterThanOrEqual(previousEnd);
          expect(window.end.getTime()).toBeGreaterThan(window.start.getTime());
          previousEnd = window.end.getTime();
          total += window.end.getTime() - window.start.getTime();
        }
        expect(previousEnd).toBeLessThanOrEqual(to.getTime());
        expect(total).toBe(workingMillisecondsBetween(calendar, from, to));
      }
    }
  });
});

/**
 * Independent oracle for fixed-offset zones: walks minute by minute, deciding from the raw definition
 * whether each local minute is covered by a window of that local date or of the previous one.
 */
function oracleMinutes(definition: CalendarDefinition, from: number, to: number): number {
  const offset = (FIXED_OFFSET_MINUTES[definition.timeZone ?? 'Asia/Shanghai'] ?? 0) * MINUTE;
  const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const memo = new Map<number, [number, number][]>();
  const windowsOf = (localDay: number): [number, number][] => {
    const known = memo.get(localDay);
    if (known) return known;
    const date = new Date(localDay * DAY).toISOString().slice(0, 10);
    const weekday = WEEKDAYS[(new Date(localDay * DAY).getUTCDay() + 6) % 7] ?? 'mon';
    const exception = definition.exceptions?.find((e) => e.date === date);
    const normal = definition.weekly[weekday];
    const windows =
      exception?.kind === 'holiday'
        ? []
        : exception?.kind === 'workday'
          ? (exception.windows ?? [])
          : [...normal, ...(exception?.windows ?? [])];
    const result = windows.map((w): [number, number] => {
      const start = toMinutes(w.start);
      const end = toMinutes(w.end);
      return [start, end <= start ? end + 1440 : end];
    });
    memo.set(localDay, result);
    return result;
  };
  let count = 0;
  for (let instant = from; instant < to; instant += MINUTE) {
    const local = (instant + offset) / MINUTE;
    const localDay = Math.floor(local / 1440);
    const minuteOfDay = local - localDay * 1440;
    const covered =
      windowsOf(localDay).some(([s, e]) => s <= minuteOfDay && minuteOfDay < e) ||
      windowsOf(localDay - 1).some(([s, e]) => s <= minuteOfDay + 1440 && minuteOfDay + 1440 < e);
    if (covered) count++;
  }
  return count;
}

describe('working-time against a minute-by-minute oracle (fixed-offset zones)', () => {
  it('agrees on random calendars and ranges', () => {
    const cases = new Cases(prng(8));
    let checked = 0;
    let worked = 0;
    while (checked < 40) {
      const definition = cases.definition();
      if (!(definition.timeZone && definition.timeZone in FIXED_OFFSET_MINUTES)) continue;
      let calendar: CompiledCalendar;
      try {
        calendar = compileCalendar(definition);
      } catch {
        continue;
      }
      const from = cases.instant();
      const start = from.getTime() - (from.getTime() % MINUTE);
      const end = start + cases.int(0, 10 * 1440) * MINUTE;
      const expected = oracleMinutes(definition, start, end);
      expect(workingMinutesBetween(calendar, new Date(start), new Date(end))).toBe(expected);
      checked++;
      if (expected > 0) worked++;
    }
    expect(worked).toBeGreaterThan(30);
  });
});
