import { CalendarError } from './calendar.errors';
import { HOUR_MS } from './civil-date';
import { TimeZone } from './time-zone';

const local = (iso: string): number => Date.parse(`${iso}Z`);
const instant = (iso: string): number => Date.parse(iso);

describe('TimeZone (Intl based)', () => {
  it('knows fixed offsets', () => {
    expect(TimeZone.of('Asia/Shanghai').offsetAt(instant('2026-07-01T00:00:00Z'))).toBe(8 * HOUR_MS);
    expect(TimeZone.of('UTC').offsetAt(instant('2026-07-01T00:00:00Z'))).toBe(0);
    expect(TimeZone.of('Asia/Kolkata').offsetAt(instant('2026-07-01T00:00:00Z'))).toBe(5.5 * HOUR_MS);
    expect(TimeZone.of('Asia/Shanghai').toInstant(local('2026-10-01T08:00:00'))).toBe(
      instant('2026-10-01T00:00:00Z'),
    );
  });

  it('follows Europe/Berlin daylight saving time', () => {
    const berlin = TimeZone.of('Europe/Berlin');
    expect(berlin.offsetAt(instant('2026-01-15T12:00:00Z'))).toBe(HOUR_MS);
    expect(berlin.offsetAt(instant('2026-07-15T12:00:00Z'))).toBe(2 * HOUR_MS);
    expect(berlin.toInstant(local('2026-07-15T12:00:00'))).toBe(instant('2026-07-15T10:00:00Z'));
  });

  it('maps wall-clock times in a spring-forward gap to the transition instant', () => {
    const berlin = TimeZone.of('Europe/Berlin');
    const transition = instant('2026-03-29T01:00:00Z'); // 02:00 CET → 03:00 CEST
    expect(berlin.toInstant(local('2026-03-29T02:00:00'))).toBe(transition);
    expect(berlin.toInstant(local('2026-03-29T02:30:00'))).toBe(transition);
    expect(berlin.toInstant(local('2026-03-29T03:00:00'))).toBe(transition);
    expect(berlin.toInstant(local('2026-03-29T01:59:00'))).toBe(transition - 60_000);
  });

  it('maps a repeated wall-clock time in a fall-back overlap to its first occurrence', () => {
    const berlin = TimeZone.of('Europe/Berlin');
    expect(berlin.toInstant(local('2026-10-25T02:30:00'))).toBe(instant('2026-10-25T00:30:00Z'));
    expect(berlin.toInstant(local('2026-10-25T03:00:00'))).toBe(instant('2026-10-25T02:00:00Z'));
  });

  it('never maps later wall-clock times to earlier instants around transitions', () => {
    for (const [zone, day] of [
      ['Europe/Berlin', '2026-03-29'],
      ['Europe/Berlin', '2026-10-25'],
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['Australia/Lord_Howe', '2026-04-05'],
    ] as const) {
      const tz = TimeZone.of(zone);
      let previous = -Infinity;
      for (let minute = 0; minute < 24 * 60; minute += 5) {
        const value = tz.toInstant(local(`${day}T00:00:00`) + minute * 60_000);
        expect(value).toBeGreaterThanOrEqual(previous);
        previous = value;
      }
    }
  });

  it('canonicalizes names and rejects unknown zones with a CalendarError on timeZone', () => {
    expect(TimeZone.of('utc').name).toBe('UTC');
    expect(() => TimeZone.of('Mars/Olympus_Mons')).toThrow(CalendarError);
    expect(() => TimeZone.of('Mars/Olympus_Mons')).toThrow(/timeZone "Mars\/Olympus_Mons"/);
  });
});
