import type { CalendarDefinition, ShiftWindow } from './calendar-definition';
import { parseCalendarDefinition } from './calendar-definition.validation';
import { CalendarError } from './calendar.errors';
import { compileCalendar } from './compiled-calendar';

const DAY: ShiftWindow[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

function definition(overrides: Partial<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    timeZone: 'Asia/Shanghai',
    weekly: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] },
    ...overrides,
  };
}

function weekly(overrides: Record<string, unknown>): Record<string, unknown> {
  return { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [], ...overrides };
}

/** The CalendarError thrown by parsing `input`. */
function errorOf(input: unknown): CalendarError {
  try {
    parseCalendarDefinition(input);
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('calendar definition validation', () => {
  it('accepts a valid definition and normalizes it', () => {
    const parsed = parseCalendarDefinition({
      timeZone: 'utc',
      weekly: weekly({
        sat: [{ start: '22:00', end: '06:00', name: 'night' }],
        sun: [{ start: '06:00', end: '24:00' }],
      }),
      exceptions: [
        { date: '2026-10-01', kind: 'holiday' },
        { date: '2026-10-10', kind: 'workday', windows: DAY },
        { date: '2026-10-12', kind: 'overtime', windows: [{ start: '18:00', end: '20:00' }] },
      ],
    });
    expect(parsed.timeZone).toBe('UTC');
    expect(parsed.weekly.sat).toEqual([{ start: '22:00', end: '06:00', name: 'night' }]);
    expect(parsed.exceptions).toHaveLength(3);
  });

  it('defaults the time zone to Asia/Shanghai', () => {
    const { timeZone: _omitted, ...withoutZone } = definition();
    expect(parseCalendarDefinition(withoutZone).timeZone).toBe('Asia/Shanghai');
    expect(compileCalendar(withoutZone as unknown as CalendarDefinition).timeZone).toBe('Asia/Shanghai');
  });

  it('accepts touching windows, a 24:00 end, a 24 h window and a night shift ending where the next day starts', () => {
    expect(() =>
      parseCalendarDefinition(
        definition({
          weekly: weekly({
            mon: [
              { start: '08:00', end: '12:00' },
              { start: '12:00', end: '24:00' },
            ],
            tue: [{ start: '22:00', end: '08:00' }],
            wed: [{ start: '08:00', end: '17:00' }],
            sat: [{ start: '06:00', end: '06:00' }],
            sun: [{ start: '06:00', end: '06:00' }],
          }),
        }),
      ),
    ).not.toThrow();
  });

  const bad: [string, unknown, string][] = [
    ['not an object', 'Mon–Fri 8–17', 'definition'],
    ['an unknown top-level key', definition({ exception: [] }), 'exception'],
    ['an unknown time zone', definition({ timeZone: 'Asia/Beijing' }), 'timeZone'],
    ['a non-string time zone', definition({ timeZone: 8 }), 'timeZone'],
    ['no weekly pattern', definition({ weekly: undefined }), 'weekly'],
    ['a missing weekday', definition({ weekly: { ...weekly({}), sun: undefined } }), 'weekly.sun'],
    ['an unknown weekday', definition({ weekly: weekly({ monday: DAY }) }), 'weekly.monday'],
    [
      'a start without leading zero',
      definition({ weekly: weekly({ mon: [{ start: '8:00', end: '12:00' }] }) }),
      'weekly.mon[0].start',
    ],
    [
      'an end past 24:00',
      definition({ weekly: weekly({ tue: [{ start: '08:00', end: '24:30' }] }) }),
      'weekly.tue[0].end',
    ],
    [
      'a 24:00 start',
      definition({ weekly: weekly({ wed: [{ start: '24:00', end: '02:00' }] }) }),
      'weekly.wed[0].start',
    ],
    [
      'a numeric time',
      definition({ weekly: weekly({ thu: [{ start: 480, end: '12:00' }] }) }),
      'weekly.thu[0].start',
    ],
    [
      'a non-string name',
      definition({ weekly: weekly({ fri: [{ start: '08:00', end: '12:00', name: 1 }] }) }),
      'weekly.fri[0].name',
    ],
    [
      'an unknown window key',
      definition({ weekly: weekly({ fri: [{ start: '08:00', stop: '12:00' }] }) }),
      'weekly.fri[0].stop',
    ],
    [
      'a window that is not an object',
      definition({ weekly: weekly({ sat: ['08:00-12:00'] }) }),
      'weekly.sat[0]',
    ],
    [
      'overlapping windows on one day',
      definition({
        weekly: weekly({
          mon: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        }),
      }),
      'weekly.mon[1]',
    ],
    [
      'a window contained in another',
      definition({
        weekly: weekly({
          mon: [
            { start: '13:00', end: '14:00' },
            { start: '08:00', end: '17:00' },
          ],
        }),
      }),
      'weekly.mon[1]',
    ],
    [
      'a night shift running into the next day',
      definition({
        weekly: weekly({ mon: [{ start: '22:00', end: '06:00' }], tue: [{ start: '05:00', end: '13:00' }] }),
      }),
      'weekly.mon[0]',
    ],
    [
      'a Sunday night shift running into Monday',
      definition({ weekly: weekly({ sun: [{ start: '20:00', end: '09:00' }] }) }),
      'weekly.sun[0]',
    ],
    ['exceptions not an array', definition({ exceptions: { date: '2026-10-01' } }), 'exceptions'],
    [
      'an impossible date',
      definition({ exceptions: [{ date: '2026-02-30', kind: 'holiday' }] }),
      'exceptions[0].date',
    ],
    [
      'a date in another format',
      definition({ exceptions: [{ date: '2026/10/01', kind: 'holiday' }] }),
      'exceptions[0].date',
    ],
    [
      'two exceptions on one date',
      definition({
        exceptions: [
          { date: '2026-10-01', kind: 'holiday' },
          { date: '2026-10-01', kind: 'overtime', windows: [{ start: '18:00', end: '20:00' }] },
        ],
      }),
      'exceptions[1].date',
    ],
    [
      'an unknown kind',
      definition({ exceptions: [{ date: '2026-10-01', kind: 'vacation' }] }),
      'exceptions[0].kind',
    ],
    [
      'a holiday with windows',
      definition({ exceptions: [{ date: '2026-10-01', kind: 'holiday', windows: DAY }] }),
      'exceptions[0].windows',
    ],
    [
      'a workday without windows',
      definition({ exceptions: [{ date: '2026-10-10', kind: 'workday' }] }),
      'exceptions[0].windows',
    ],
    [
      'an overtime with no windows',
      definition({ exceptions: [{ date: '2026-10-12', kind: 'overtime', windows: [] }] }),
      'exceptions[0].windows',
    ],
    [
      'a bad time in an exception window',
      definition({
        exceptions: [{ date: '2026-10-10', kind: 'workday', windows: [{ start: '08:00', end: '12:0' }] }],
      }),
      'exceptions[0].windows[0].end',
    ],
    [
      'overtime overlapping the normal windows',
      definition({
        exceptions: [{ date: '2026-10-12', kind: 'overtime', windows: [{ start: '16:00', end: '19:00' }] }],
      }),
      'exceptions[0].windows[0]',
    ],
    [
      'a workday window overlapping the previous night shift',
      definition({
        weekly: weekly({ fri: [{ start: '22:00', end: '06:00' }] }),
        exceptions: [{ date: '2026-10-10', kind: 'workday', windows: [{ start: '05:00', end: '12:00' }] }],
      }),
      'exceptions[0].windows[0]',
    ],
    [
      'an overtime night shift running into the next day',
      definition({
        exceptions: [{ date: '2026-10-11', kind: 'overtime', windows: [{ start: '20:00', end: '09:00' }] }],
      }),
      'exceptions[0].windows[0]',
    ],
  ];

  it.each(bad)('rejects %s, naming the field', (_case, input, field) => {
    const error = errorOf(input);
    expect(error.code).toBe('INVALID_DEFINITION');
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.name).toBe('CalendarError');
  });

  it('explains an overlap with both windows and the date', () => {
    const error = errorOf(
      definition({
        exceptions: [{ date: '2026-10-12', kind: 'overtime', windows: [{ start: '16:00', end: '19:00' }] }],
      }),
    );
    expect(error.message).toBe(
      'exceptions[0].windows[0] (16:00–19:00) overlaps weekly.mon[1] (13:00–17:00) on 2026-10-12',
    );
  });

  it('throws the same errors from compileCalendar', () => {
    expect(() =>
      compileCalendar({
        timeZone: 'Nowhere/Land',
        weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DEFINITION', field: 'timeZone' }) as Error);
  });
});
