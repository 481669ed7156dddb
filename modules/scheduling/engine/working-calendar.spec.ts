import { WorkingCalendar } from './working-calendar';

// Windows [10, 20), [30, 40), [50, 100): 10 + 10 + 50 working minutes.
const calendar = new WorkingCalendar([
  [10, 20],
  [30, 40],
  [50, 100],
]);

describe('WorkingCalendar', () => {
  it('snaps a time forward into a window, never at a window end', () => {
    expect(calendar.snap(0)).toBe(10);
    expect(calendar.snap(15)).toBe(15);
    expect(calendar.snap(20)).toBe(30);
    expect(calendar.snap(100)).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts working minutes and finds the time of a working minute', () => {
    expect(calendar.position(0)).toBe(0);
    expect(calendar.position(15)).toBe(5);
    expect(calendar.position(25)).toBe(10);
    expect(calendar.position(200)).toBe(70);
    expect(calendar.timeAt(0)).toBe(10);
    expect(calendar.timeAt(10)).toBe(30);
    expect(calendar.timeAt(69)).toBe(99);
    expect(calendar.timeAt(70)).toBe(Number.POSITIVE_INFINITY);
    expect(calendar.workBetween(15, 55)).toBe(5 + 10 + 5);
  });

  it('adds work over breaks, ending exactly when the last minute is done', () => {
    expect(calendar.addWork(15, 5)).toBe(20);
    expect(calendar.addWork(15, 6)).toBe(31);
    expect(calendar.addWork(0, 30)).toBe(60);
    expect(calendar.addWork(12, 0)).toBe(12);
    expect(calendar.addWork(60, 41)).toBe(Number.POSITIVE_INFINITY);
  });

  it('fits work inside one window', () => {
    expect(calendar.fit(15, 5)).toBe(15);
    expect(calendar.fit(15, 6)).toBe(30);
    expect(calendar.fit(0, 20)).toBe(50);
    expect(calendar.fit(0, 51)).toBe(Number.POSITIVE_INFINITY);
    expect(calendar.windowOf(35)).toBe(1);
    expect(calendar.windowOf(45)).toBe(-1);
  });

  it('an empty calendar has no working time', () => {
    const never = new WorkingCalendar([]);
    expect(never.snap(0)).toBe(Number.POSITIVE_INFINITY);
    expect(never.position(50)).toBe(0);
    expect(never.addWork(0, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
