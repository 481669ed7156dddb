import { civilFromDays, daysFromCivil, formatIsoDate, parseIsoDate, weekdayIndex } from './civil-date';

describe('civil dates as day numbers', () => {
  it('agrees with Date.UTC across leap years and centuries', () => {
    for (let day = -40_000; day <= 80_000; day += 37) {
      const date = new Date(day * 86_400_000);
      const civil = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      expect(civilFromDays(day)).toEqual(civil);
      expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(day);
      expect(weekdayIndex(day)).toBe((date.getUTCDay() + 6) % 7);
    }
  });

  it('parses only real YYYY-MM-DD dates and formats them back', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(formatIsoDate(parseIsoDate('2026-10-01') ?? Number.NaN)).toBe('2026-10-01');
    expect(parseIsoDate('2024-02-29')).toBeDefined();
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-00-10',
      '2026-1-01',
      '2026/10/01',
      '0000-01-01',
    ]) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
  });

  it('numbers weekdays from Monday = 0', () => {
    expect(weekdayIndex(parseIsoDate('2026-09-28') ?? Number.NaN)).toBe(0); // Monday
    expect(weekdayIndex(parseIsoDate('2026-10-01') ?? Number.NaN)).toBe(3); // Thursday, 国庆
    expect(weekdayIndex(parseIsoDate('2026-10-04') ?? Number.NaN)).toBe(6); // Sunday
  });
});
