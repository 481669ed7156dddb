import { formatClockTime, parseClockTime } from './clock-time';

describe('HH:mm clock times', () => {
  it('parses strict HH:mm to minutes after midnight', () => {
    expect(parseClockTime('00:00', false)).toBe(0);
    expect(parseClockTime('08:30', false)).toBe(510);
    expect(parseClockTime('23:59', false)).toBe(1439);
    expect(parseClockTime('24:00', true)).toBe(1440);
  });

  it('rejects anything else', () => {
    for (const bad of ['24:00', '8:00', '08:60', '25:00', '08:00:00', ' 08:00', '', 480, null, undefined]) {
      expect(parseClockTime(bad, false)).toBeUndefined();
    }
    expect(parseClockTime('24:01', true)).toBeUndefined();
  });

  it('formats minutes, wrapping past midnight but keeping 24:00', () => {
    expect(formatClockTime(510)).toBe('08:30');
    expect(formatClockTime(1440)).toBe('24:00');
    expect(formatClockTime(1800)).toBe('06:00');
  });
});
