import { describe, expect, it } from 'vitest';
import { ApiError } from '@mes/web-core';
import type { CalendarView } from './api/calendar.api';
import {
  calendarErrorAt,
  calendarFormToInput,
  calendarMessageKey,
  calendarToForm,
  copyDay,
  dayMinutes,
  emptyCalendarForm,
  exceptionErrors,
  exceptionRow,
  formToDefinition,
  placeCalendarErrors,
  previewRange,
  timelineDays,
  weekMinutes,
  windowErrors,
  windowMinutes,
  windowRow,
  zoneMidnight,
} from './calendar.data';

const twoShifts = [
  { start: '08:00', end: '12:00', name: '早班' },
  { start: '13:00', end: '17:00' },
];

const stored: CalendarView = {
  id: 'c1',
  code: 'TWO-SHIFT',
  name: '两班制',
  weeklyMinutes: 2400,
  createdAt: '2026-01-05T02:00:00Z',
  definition: {
    timeZone: 'Asia/Shanghai',
    weekly: {
      mon: twoShifts,
      tue: twoShifts,
      wed: twoShifts,
      thu: twoShifts,
      fri: twoShifts,
      sat: [{ start: '22:00', end: '24:00', name: '夜班' }],
      sun: [],
    },
    exceptions: [
      { date: '2026-10-01', kind: 'holiday' },
      { date: '2026-10-11', kind: 'workday', windows: [{ start: '08:00', end: '12:00' }] },
    ],
  },
};

describe('calendar editor ↔ CalendarDefinition', () => {
  it('edits the stored definition and sends it back unchanged (24:00 as the same 00:00 end)', () => {
    const form = calendarToForm(stored);
    expect(form.code).toBe('TWO-SHIFT');
    expect(form.weekly.mon.map((w) => [w.start, w.end, w.name])).toEqual([
      ['08:00', '12:00', '早班'],
      ['13:00', '17:00', ''],
    ]);
    expect(form.weekly.sat[0]?.end).toBe('00:00');
    expect(form.exceptions.map((e) => [e.date, e.kind, e.windows.length])).toEqual([
      ['2026-10-01', 'holiday', 0],
      ['2026-10-11', 'workday', 1],
    ]);
    const def = formToDefinition(form);
    expect(def).toEqual({
      ...(stored.definition as object),
      weekly: {
        ...(stored.definition as { weekly: object }).weekly,
        sat: [{ start: '22:00', end: '00:00', name: '夜班' }],
      },
    });
    // A name left blank is not sent; row keys never are.
    expect(def.weekly.mon[1]).toEqual({ start: '13:00', end: '17:00' });
    expect(JSON.stringify(def)).not.toContain('key');
  });

  it('builds the create body: trimmed, default zone, holidays without windows', () => {
    const form = emptyCalendarForm();
    form.code = ' DAY ';
    form.name = ' 单班 ';
    form.timeZone = '';
    const holiday = exceptionRow('2026-05-01', 'holiday');
    holiday.windows = [windowRow('08:00', '12:00')]; // left over from another kind
    form.exceptions = [
      holiday,
      { ...exceptionRow('2026-05-09', 'overtime'), windows: [windowRow('18:00', '20:00')] },
    ];
    const input = calendarFormToInput(form);
    expect(input.code).toBe('DAY');
    expect(input.name).toBe('单班');
    expect(input.definition).toMatchObject({
      timeZone: 'Asia/Shanghai',
      exceptions: [
        { date: '2026-05-01', kind: 'holiday' },
        { date: '2026-05-09', kind: 'overtime', windows: [{ start: '18:00', end: '20:00' }] },
      ],
    });
    expect((input.definition as { exceptions: object[] }).exceptions[0]).not.toHaveProperty('windows');
    expect(Object.keys((input.definition as { weekly: object }).weekly)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'sat',
      'sun',
    ]);
  });

  it('reads a definition that is missing parts without failing', () => {
    const form = calendarToForm({ ...stored, definition: { weekly: { mon: [{ start: '08:00' }] } } });
    expect(form.timeZone).toBe('Asia/Shanghai');
    expect(form.weekly.mon[0]).toMatchObject({ start: '08:00', end: '' });
    expect(form.weekly.sun).toEqual([]);
    expect(form.exceptions).toEqual([]);
  });

  it('copies Monday onto the working days as new rows', () => {
    const form = calendarToForm(stored);
    form.weekly.tue = [];
    copyDay(form, 'mon', ['mon', 'tue', 'wed']);
    expect(form.weekly.tue.map((w) => w.start)).toEqual(['08:00', '13:00']);
    expect(form.weekly.tue[0]?.key).not.toBe(form.weekly.mon[0]?.key);
    expect(form.weekly.mon).toHaveLength(2);
  });

  it('counts working minutes, a window ending at or before its start running into the next day', () => {
    expect(windowMinutes('08:00', '12:00')).toBe(240);
    expect(windowMinutes('22:00', '06:00')).toBe(480);
    expect(windowMinutes('22:00', '00:00')).toBe(120);
    expect(windowMinutes('08:00', '08:00')).toBe(1440);
    expect(windowMinutes('08:00', '')).toBe(0);
    expect(dayMinutes(calendarToForm(stored).weekly.mon)).toBe(480);
    expect(weekMinutes(calendarToForm(stored))).toBe(5 * 480 + 120);
  });

  it('checks windows and exceptions before sending', () => {
    expect(windowErrors(windowRow('', '12:00'))).toEqual({ start: 'masterData.rules.startRequired' });
    expect(windowErrors(windowRow('8:00', ''))).toEqual({
      start: 'masterData.rules.timeInvalid',
      end: 'masterData.rules.endRequired',
    });
    expect(windowErrors(windowRow('08:00', '24:00'))).toEqual({});
    expect(
      exceptionErrors([
        exceptionRow('2026-10-01', 'holiday'),
        exceptionRow('', 'holiday'),
        exceptionRow('2026-10-01', 'holiday'),
        exceptionRow('2026-10-11', 'workday'),
      ]),
    ).toEqual([
      null,
      'masterData.rules.dateRequired',
      'masterData.calendars.errDuplicateDate',
      'masterData.calendars.errNeedsWindows',
    ]);
  });
});

describe('calendar API errors → the rows they name', () => {
  it('parses definition paths', () => {
    expect(calendarErrorAt('definition.weekly.mon[1].end')).toEqual({
      area: 'weekly',
      day: 'mon',
      index: 1,
      field: 'end',
    });
    expect(calendarErrorAt('definition.weekly.sun')).toEqual({
      area: 'weekly',
      day: 'sun',
      index: null,
      field: null,
    });
    expect(calendarErrorAt('definition.exceptions[2].windows[0].start')).toEqual({
      area: 'exception',
      index: 2,
      window: 0,
      field: 'start',
    });
    expect(calendarErrorAt('definition.exceptions[1].date')).toEqual({
      area: 'exception',
      index: 1,
      window: null,
      field: 'date',
    });
    expect(calendarErrorAt('definition.exceptions[1].windows')).toMatchObject({ index: 1, window: null });
    expect(calendarErrorAt('definition.timeZone')).toEqual({ area: 'timeZone' });
    expect(calendarErrorAt('definition')).toEqual({ area: 'definition' });
    expect(calendarErrorAt('code')).toBeNull();
  });

  it('places each detail next to its window, exception, the zone or the field', () => {
    const form = calendarToForm(stored);
    const error = new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
      {
        field: 'definition.weekly.mon[1].end',
        message: 'weekly.mon[1] (13:00–17:00) overlaps weekly.mon[0] (08:00–12:00)',
      },
      { field: 'definition.exceptions[1].windows[0].start', message: 'must be a time' },
      { field: 'definition.exceptions[0].date', message: 'already has an exception' },
      { field: 'definition.timeZone', message: 'unknown time zone Mars/Base' },
      { field: 'code', message: 'TWO-SHIFT already exists' },
    ]);
    const placed = placeCalendarErrors(error, form, (m) => `«${m}»`);
    const mon1 = form.weekly.mon[1]?.key ?? -1;
    const exWin = form.exceptions[1]?.windows[0]?.key ?? -1;
    expect(placed.windows).toEqual({
      [mon1]: '«weekly.mon[1] (13:00–17:00) overlaps weekly.mon[0] (08:00–12:00)»',
      [exWin]: '«must be a time»',
    });
    expect(placed.exceptions).toEqual({ [form.exceptions[0]?.key ?? -1]: '«already has an exception»' });
    expect(placed.timeZone).toBe('«unknown time zone Mars/Base»');
    expect(placed.fields).toEqual({ code: '«TWO-SHIFT already exists»' });
    expect(placeCalendarErrors(new Error('x'), form, String).windows).toEqual({});
  });

  it('says the usual library messages in the UI language', () => {
    expect(calendarMessageKey('weekly.mon[1] (13:00–17:00) overlaps weekly.mon[0] (08:00–12:00)')).toBe(
      'masterData.calendars.errOverlap',
    );
    expect(calendarMessageKey('weekly.fri[0] (22:00–06:00) runs past midnight into weekly.sat[0]')).toBe(
      'masterData.calendars.errSpill',
    );
    expect(
      calendarMessageKey('exceptions[1].windows must list at least one window for a "workday" exception'),
    ).toBe('masterData.calendars.errNeedsWindows');
    expect(calendarMessageKey('something else')).toBeNull();
  });
});

describe('working-time preview', () => {
  it('spans 14 local days from today in the calendar zone', () => {
    const range = previewRange(new Date('2026-11-22T18:30:00Z'), 'Asia/Shanghai', 14);
    expect(range.dates[0]).toBe('2026-11-23');
    expect(range.dates).toHaveLength(14);
    expect(range.from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(zoneMidnight('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(zoneMidnight('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('cuts the working windows into one bar per local day', () => {
    const days = timelineDays(
      {
        from: '2026-11-22T16:00:00.000Z',
        to: '2026-11-24T16:00:00.000Z',
        minutes: 720,
        windows: [
          { start: '2026-11-23T00:00:00.000Z', end: '2026-11-23T04:00:00.000Z', name: '早班' },
          // 22:00 Monday → 02:00 Tuesday, Shanghai time
          { start: '2026-11-23T14:00:00.000Z', end: '2026-11-23T18:00:00.000Z' },
          { start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T05:00:00.000Z' },
        ],
      },
      ['2026-11-23', '2026-11-24'],
      'Asia/Shanghai',
    );
    expect(days.map((d) => d.weekday)).toEqual([0, 1]);
    expect(days[0]?.segments).toEqual([
      { start: 480, end: 720, name: '早班' },
      { start: 1320, end: 1440, name: '' },
    ]);
    expect(days[1]?.segments).toEqual([
      { start: 0, end: 120, name: '' },
      { start: 540, end: 780, name: '' },
    ]);
    expect(days.map((d) => d.minutes)).toEqual([360, 360]);
  });
});
