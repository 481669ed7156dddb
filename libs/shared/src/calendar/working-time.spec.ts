import type { CalendarDefinition, ShiftWindow } from './calendar-definition';
import { CalendarError } from './calendar.errors';
import { compileCalendar } from './compiled-calendar';
import {
  addWorkingMinutes,
  isWorkingInstant,
  MAX_IDLE_DAYS,
  nextWorkingInstant,
  subtractWorkingMinutes,
  workingMillisecondsBetween,
  workingMinutesBetween,
  workingWindows,
} from './working-time';

/** A Shanghai wall-clock time, e.g. `sh('2026-09-28 08:00')`. */
const sh = (wallClock: string): Date => new Date(`${wallClock.replace(' ', 'T')}:00+08:00`);
const utc = (wallClock: string): Date => new Date(`${wallClock.replace(' ', 'T')}:00Z`);
const iso = (date: Date): string => date.toISOString();

const THREE_SHIFTS: ShiftWindow[] = [
  { start: '08:00', end: '12:00', name: 'morning' },
  { start: '13:00', end: '17:00', name: 'afternoon' },
  { start: '18:00', end: '22:00', name: 'evening' },
];
const EMPTY_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

function weekdays(windows: ShiftWindow[], timeZone = 'Asia/Shanghai'): CalendarDefinition {
  return {
    timeZone,
    weekly: { mon: windows, tue: windows, wed: windows, thu: windows, fri: windows, sat: [], sun: [] },
  };
}

function thrown(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

// 2026-09-28 is a Monday; 2026-10-01 (Thursday) is 国庆.
describe('working time: shifts with breaks (Mon–Fri 08–12, 13–17, 18–22, Asia/Shanghai)', () => {
  const cal = compileCalendar(weekdays(THREE_SHIFTS));

  it('counts working minutes in [from, to)', () => {
    expect(workingMinutesBetween(cal, sh('2026-09-28 00:00'), sh('2026-09-29 00:00'))).toBe(720);
    expect(workingMinutesBetween(cal, sh('2026-09-28 10:00'), sh('2026-09-28 14:00'))).toBe(180);
    expect(workingMinutesBetween(cal, sh('2026-09-28 12:00'), sh('2026-09-28 13:00'))).toBe(0);
    expect(workingMinutesBetween(cal, sh('2026-09-28 00:00'), sh('2026-10-05 00:00'))).toBe(5 * 720);
    expect(workingMinutesBetween(cal, sh('2026-09-28 14:00'), sh('2026-09-28 10:00'))).toBe(0);
  });

  it('returns fractional minutes for instants off the minute', () => {
    const from = new Date(sh('2026-09-28 08:00').getTime() + 30_000);
    expect(workingMinutesBetween(cal, from, sh('2026-09-28 08:01'))).toBe(0.5);
    expect(workingMillisecondsBetween(cal, from, sh('2026-09-28 08:01'))).toBe(30_000);
  });

  it('adds working minutes, ending at a window end rather than the next window start', () => {
    expect(iso(addWorkingMinutes(cal, sh('2026-09-28 10:00'), 120))).toBe(iso(sh('2026-09-28 12:00')));
    expect(iso(addWorkingMinutes(cal, sh('2026-09-28 10:00'), 121))).toBe(iso(sh('2026-09-28 13:01')));
    expect(iso(addWorkingMinutes(cal, sh('2026-09-28 12:30'), 30))).toBe(iso(sh('2026-09-28 13:30')));
    expect(iso(addWorkingMinutes(cal, sh('2026-09-28 10:00'), 0.5))).toBe('2026-09-28T02:00:30.000Z');
  });

  it('returns t itself for zero minutes, even in a break', () => {
    expect(iso(addWorkingMinutes(cal, sh('2026-09-28 12:30'), 0))).toBe(iso(sh('2026-09-28 12:30')));
  });

  it('skips the weekend', () => {
    expect(iso(addWorkingMinutes(cal, sh('2026-10-02 21:00'), 61))).toBe(iso(sh('2026-10-05 08:01')));
    expect(iso(nextWorkingInstant(cal, sh('2026-10-03 10:00')))).toBe(iso(sh('2026-10-05 08:00')));
    expect(workingMinutesBetween(cal, sh('2026-10-03 00:00'), sh('2026-10-05 00:00'))).toBe(0);
  });

  it('subtracts working minutes backwards (latest start for a due time)', () => {
    expect(iso(subtractWorkingMinutes(cal, sh('2026-09-29 08:30'), 60))).toBe(iso(sh('2026-09-28 21:30')));
    expect(iso(addWorkingMinutes(cal, sh('2026-09-28 13:00'), -60))).toBe(iso(sh('2026-09-28 11:00')));
    expect(iso(subtractWorkingMinutes(cal, sh('2026-09-28 13:30'), 30))).toBe(iso(sh('2026-09-28 13:00')));
  });

  it('finds the next working instant', () => {
    expect(iso(nextWorkingInstant(cal, sh('2026-09-28 09:00')))).toBe(iso(sh('2026-09-28 09:00')));
    expect(iso(nextWorkingInstant(cal, sh('2026-09-28 12:00')))).toBe(iso(sh('2026-09-28 13:00')));
    expect(iso(nextWorkingInstant(cal, sh('2026-09-28 23:00')))).toBe(iso(sh('2026-09-29 08:00')));
    expect(isWorkingInstant(cal, sh('2026-09-28 08:00'))).toBe(true);
    expect(isWorkingInstant(cal, sh('2026-09-28 12:00'))).toBe(false);
  });

  it('lists working windows clipped to the range, with their names and dates', () => {
    expect(
      workingWindows(cal, sh('2026-09-28 09:00'), sh('2026-09-28 20:00')).map((w) => [
        iso(w.start),
        iso(w.end),
        w.name,
        w.date,
      ]),
    ).toEqual([
      [iso(sh('2026-09-28 09:00')), iso(sh('2026-09-28 12:00')), 'morning', '2026-09-28'],
      [iso(sh('2026-09-28 13:00')), iso(sh('2026-09-28 17:00')), 'afternoon', '2026-09-28'],
      [iso(sh('2026-09-28 18:00')), iso(sh('2026-09-28 20:00')), 'evening', '2026-09-28'],
    ]);
    expect(workingWindows(cal, sh('2026-09-26 00:00'), sh('2026-09-28 00:00'))).toEqual([]);
  });

  it('handles 100 000 minutes and a whole year', () => {
    const start = sh('2026-01-01 00:00');
    const end = addWorkingMinutes(cal, start, 100_000);
    expect(workingMinutesBetween(cal, start, end)).toBe(100_000);
    expect(workingMinutesBetween(cal, start, sh('2027-01-01 00:00'))).toBe(261 * 720); // 261 weekdays in 2026
  });
});

describe('working time: night shift crossing midnight (Mon–Fri 22:00–06:00)', () => {
  const cal = compileCalendar(weekdays([{ start: '22:00', end: '06:00', name: 'night' }]));

  it('belongs to the date it starts on and runs into the next day', () => {
    expect(workingMinutesBetween(cal, sh('2026-10-03 00:00'), sh('2026-10-03 12:00'))).toBe(360); // Friday's night
    expect(iso(addWorkingMinutes(cal, sh('2026-10-02 23:00'), 120))).toBe(iso(sh('2026-10-03 01:00')));
    expect(iso(addWorkingMinutes(cal, sh('2026-10-03 05:00'), 61))).toBe(iso(sh('2026-10-05 22:01')));
    const [window] = workingWindows(cal, sh('2026-10-03 00:00'), sh('2026-10-04 00:00'));
    expect(window?.date).toBe('2026-10-02');
    expect(iso(window?.end ?? new Date(0))).toBe(iso(sh('2026-10-03 06:00')));
  });

  it('starts counting from the night shift when t is in the day', () => {
    expect(iso(nextWorkingInstant(cal, sh('2026-09-28 12:00')))).toBe(iso(sh('2026-09-28 22:00')));
    expect(isWorkingInstant(cal, sh('2026-09-29 03:00'))).toBe(true);
  });

  it('keeps the night shift started the day before a holiday', () => {
    const withHoliday = compileCalendar({
      ...weekdays([{ start: '22:00', end: '06:00' }]),
      exceptions: [{ date: '2026-10-01', kind: 'holiday' }],
    });
    // Wed 30 Sep 22:00 → Thu 1 Oct 06:00 still worked; the Thursday night shift is not.
    expect(workingMinutesBetween(withHoliday, sh('2026-10-01 00:00'), sh('2026-10-02 00:00'))).toBe(360);
  });
});

describe('working time: holidays, 调休 workdays and overtime', () => {
  const cal = compileCalendar({
    ...weekdays(THREE_SHIFTS),
    exceptions: [
      { date: '2026-10-01', kind: 'holiday' },
      {
        date: '2026-10-10',
        kind: 'workday',
        windows: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
      },
      { date: '2026-10-12', kind: 'overtime', windows: [{ start: '22:00', end: '23:30', name: 'overtime' }] },
    ],
  });

  it('does not work on a holiday', () => {
    expect(workingMinutesBetween(cal, sh('2026-10-01 00:00'), sh('2026-10-02 00:00'))).toBe(0);
    expect(iso(addWorkingMinutes(cal, sh('2026-09-30 21:00'), 120))).toBe(iso(sh('2026-10-02 09:00')));
    expect(iso(nextWorkingInstant(cal, sh('2026-10-01 09:00')))).toBe(iso(sh('2026-10-02 08:00')));
  });

  it('works a 调休 Saturday with its own windows, and not the other Saturdays', () => {
    expect(workingMinutesBetween(cal, sh('2026-10-10 00:00'), sh('2026-10-11 00:00'))).toBe(480);
    expect(workingMinutesBetween(cal, sh('2026-10-03 00:00'), sh('2026-10-04 00:00'))).toBe(0);
    expect(iso(addWorkingMinutes(cal, sh('2026-10-09 21:30'), 60))).toBe(iso(sh('2026-10-10 08:30')));
  });

  it('adds overtime to the normal windows', () => {
    expect(workingMinutesBetween(cal, sh('2026-10-12 00:00'), sh('2026-10-13 00:00'))).toBe(720 + 90);
    expect(iso(addWorkingMinutes(cal, sh('2026-10-12 21:00'), 150))).toBe(iso(sh('2026-10-12 23:30')));
    expect(workingWindows(cal, sh('2026-10-12 21:00'), sh('2026-10-13 00:00')).map((w) => w.name)).toEqual([
      'evening',
      'overtime',
    ]);
  });
});

describe('working time: time zones', () => {
  it('places the same wall-clock calendar 8 h apart in Asia/Shanghai and UTC', () => {
    const shanghai = compileCalendar(weekdays(THREE_SHIFTS, 'Asia/Shanghai'));
    const london = compileCalendar(weekdays(THREE_SHIFTS, 'UTC'));
    const range = [utc('2026-09-27 00:00'), utc('2026-10-03 00:00')] as const;
    const a = workingWindows(shanghai, ...range);
    const b = workingWindows(london, ...range);
    expect(a).toHaveLength(15);
    expect(b).toHaveLength(15);
    a.forEach((window, i) => {
      expect((b[i]?.start.getTime() ?? 0) - window.start.getTime()).toBe(8 * 3_600_000);
    });
    expect(iso(nextWorkingInstant(shanghai, utc('2026-09-28 00:00')))).toBe('2026-09-28T00:00:00.000Z');
    expect(iso(nextWorkingInstant(london, utc('2026-09-28 00:00')))).toBe('2026-09-28T08:00:00.000Z');
  });

  describe('Europe/Berlin daylight saving time (documented behaviour)', () => {
    const everyDay: ShiftWindow[] = [{ start: '01:00', end: '05:00' }];
    const cal = compileCalendar({
      timeZone: 'Europe/Berlin',
      weekly: {
        mon: everyDay,
        tue: everyDay,
        wed: everyDay,
        thu: everyDay,
        fri: everyDay,
        sat: everyDay,
        sun: everyDay,
      },
    });

    it('shortens a window across the spring-forward gap by the skipped hour', () => {
      const [window] = workingWindows(cal, utc('2026-03-28 12:00'), utc('2026-03-29 12:00'));
      expect(window && [iso(window.start), iso(window.end)]).toEqual([
        '2026-03-29T00:00:00.000Z', // 01:00 CET
        '2026-03-29T03:00:00.000Z', // 05:00 CEST
      ]);
      expect(workingMinutesBetween(cal, utc('2026-03-28 12:00'), utc('2026-03-29 12:00'))).toBe(180);
      // 180 min that night, then Monday 01:00 CEST = Sunday 23:00 UTC.
      expect(iso(addWorkingMinutes(cal, utc('2026-03-29 00:00'), 181))).toBe('2026-03-29T23:01:00.000Z');
    });

    it('lengthens a window across the fall-back overlap by the repeated hour', () => {
      expect(workingMinutesBetween(cal, utc('2026-10-24 12:00'), utc('2026-10-25 12:00'))).toBe(300);
      expect(workingMinutesBetween(cal, utc('2026-10-25 12:00'), utc('2026-10-26 12:00'))).toBe(240);
    });

    it('drops a window that lies entirely in the gap', () => {
      const gap = compileCalendar({
        timeZone: 'Europe/Berlin',
        weekly: {
          ...EMPTY_WEEK,
          sun: [
            { start: '02:00', end: '02:30' },
            { start: '02:30', end: '04:00' },
          ],
        },
      });
      const windows = workingWindows(gap, utc('2026-03-28 12:00'), utc('2026-03-29 12:00'));
      expect(windows.map((w) => [iso(w.start), iso(w.end)])).toEqual([
        ['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z'],
      ]);
    });
  });
});

describe('working time: no working time', () => {
  const none = compileCalendar({ timeZone: 'Asia/Shanghai', weekly: EMPTY_WEEK });

  it('compiles, counts zero and lists nothing', () => {
    expect(none.hasWorkingTime).toBe(false);
    expect(workingMinutesBetween(none, sh('2026-01-01 00:00'), sh('2027-01-01 00:00'))).toBe(0);
    expect(workingWindows(none, sh('2026-01-01 00:00'), sh('2027-01-01 00:00'))).toEqual([]);
    expect(iso(addWorkingMinutes(none, sh('2026-01-01 00:00'), 0))).toBe(iso(sh('2026-01-01 00:00')));
  });

  it('throws NO_WORKING_TIME instead of searching forever', () => {
    for (const search of [
      () => addWorkingMinutes(none, sh('2026-01-01 00:00'), 1),
      () => subtractWorkingMinutes(none, sh('2026-01-01 00:00'), 1),
      () => nextWorkingInstant(none, sh('2026-01-01 00:00')),
    ]) {
      const error = thrown(search);
      expect(error.code).toBe('NO_WORKING_TIME');
      expect(error.message).toMatch(/no working window at all/);
    }
  });

  it('runs out after the last working exception date', () => {
    const once = compileCalendar({
      weekly: EMPTY_WEEK,
      exceptions: [{ date: '2026-10-10', kind: 'workday', windows: [{ start: '08:00', end: '12:00' }] }],
    });
    expect(iso(addWorkingMinutes(once, sh('2026-01-01 00:00'), 240))).toBe(iso(sh('2026-10-10 12:00')));
    expect(thrown(() => addWorkingMinutes(once, sh('2026-01-01 00:00'), 241)).code).toBe('NO_WORKING_TIME');
    expect(thrown(() => nextWorkingInstant(once, sh('2026-10-10 12:00'))).code).toBe('NO_WORKING_TIME');
    expect(thrown(() => subtractWorkingMinutes(once, sh('2026-10-10 08:00'), 1)).code).toBe(
      'NO_WORKING_TIME',
    );
  });

  it(`gives up after ${MAX_IDLE_DAYS} days without working time`, () => {
    const sparse = compileCalendar({
      weekly: EMPTY_WEEK,
      exceptions: [
        { date: '2026-01-05', kind: 'workday', windows: [{ start: '08:00', end: '09:00' }] },
        { date: '2033-01-03', kind: 'workday', windows: [{ start: '08:00', end: '09:00' }] },
      ],
    });
    expect(thrown(() => addWorkingMinutes(sparse, sh('2026-01-05 08:00'), 61)).message).toMatch(
      /within 1830 days/,
    );
  });
});

describe('working time: argument checks', () => {
  const cal = compileCalendar(weekdays(THREE_SHIFTS));

  it('rejects invalid dates and minutes with INVALID_ARGUMENT', () => {
    expect(thrown(() => workingMinutesBetween(cal, new Date(Number.NaN), new Date())).field).toBe('from');
    expect(thrown(() => addWorkingMinutes(cal, new Date(), Number.NaN)).field).toBe('minutes');
    expect(thrown(() => addWorkingMinutes(cal, new Date(), Infinity)).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => nextWorkingInstant(cal, new Date('0500-01-01T00:00:00Z'))).field).toBe('t');
  });
});
