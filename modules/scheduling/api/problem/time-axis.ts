/**
 * The engine's time axis: whole minutes from the horizon start (an instant on a minute boundary).
 * Calendars become merged working windows in minutes; instants go back and forth.
 */
import { compileCalendar, workingWindows, type CalendarDefinition } from '@mes/shared';

const MINUTE_MS = 60_000;

export class TimeAxis {
  constructor(readonly start: Date) {}

  /** The axis for "now": the current minute. */
  static fromNow(now = new Date()): TimeAxis {
    return new TimeAxis(new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS));
  }

  minutes(instant: Date): number {
    return Math.round((instant.getTime() - this.start.getTime()) / MINUTE_MS);
  }

  instant(minutes: number): Date {
    return new Date(this.start.getTime() + minutes * MINUTE_MS);
  }

  iso(minutes: number): string {
    return this.instant(minutes).toISOString();
  }

  /**
   * The calendar's working windows in [0, days), in minutes, touching windows merged (a shift
   * 08:00–12:00 followed by 12:00–17:00 is one stretch of working time).
   */
  windows(definition: CalendarDefinition, days: number): [number, number][] {
    const calendar = compileCalendar(definition);
    const to = new Date(this.start.getTime() + days * 1440 * MINUTE_MS);
    const merged: [number, number][] = [];
    for (const w of workingWindows(calendar, this.start, to)) {
      const s = Math.ceil((w.start.getTime() - this.start.getTime()) / MINUTE_MS);
      const e = Math.floor((w.end.getTime() - this.start.getTime()) / MINUTE_MS);
      if (e <= s) continue;
      const last = merged[merged.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    }
    return merged;
  }
}
