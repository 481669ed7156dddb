import { CalendarError } from './calendar.errors';
import { DAY_MS, daysFromCivil, HOUR_MS, MINUTE_MS } from './civil-date';

const MEMO_LIMIT = 20_000;

/**
 * An IANA time zone seen through the built-in `Intl.DateTimeFormat`: UTC offsets of instants and the
 * instant of a local wall-clock time. "Local" values are wall-clock times encoded as milliseconds since
 * 1970-01-01T00:00 *as if* the wall clock were UTC; "instants" are ordinary epoch milliseconds.
 *
 * Wall-clock times that do not map to exactly one instant (DST transitions) are resolved so that the
 * local → instant mapping never goes backwards:
 * - in a gap (spring forward, e.g. Europe/Berlin 02:00–03:00 on the last Sunday of March) every
 *   skipped wall-clock time maps to the transition instant itself, so a window reaching into the gap
 *   is shortened and a window entirely inside it becomes empty;
 * - in an overlap (fall back) a repeated wall-clock time maps to its *first* occurrence, so a window
 *   that starts before or in the repeated hour and ends after it is one hour longer, while a window
 *   inside the repeated hour is worked once.
 *
 * Assumes at most one offset transition within any two days, which holds for real IANA zones.
 */
export class TimeZone {
  private static readonly zones = new Map<string, TimeZone>();
  private readonly dayStartOffsets = new Map<number, number>();

  private constructor(
    /** Canonical IANA name as resolved by Intl (e.g. `UTC` for `utc`). */
    readonly name: string,
    private readonly format: Intl.DateTimeFormat,
  ) {}

  /** The zone named `name`; throws `CalendarError` (field `timeZone`) if Intl does not know it. */
  static of(name: string): TimeZone {
    const known = TimeZone.zones.get(name);
    if (known) return known;
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CalendarError(
        'INVALID_DEFINITION',
        'timeZone',
        `timeZone "${name}" is not a known IANA time zone (e.g. "Asia/Shanghai", "UTC")`,
      );
    }
    const zone = new TimeZone(format.resolvedOptions().timeZone, format);
    TimeZone.zones.set(name, zone);
    return zone;
  }

  /** UTC offset in milliseconds at `instant` (local = instant + offset). Resolution: one second. */
  offsetAt(instant: number): number {
    const second = Math.floor(instant / 1000) * 1000;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let sec = 0;
    for (const part of this.format.formatToParts(second)) {
      const value = Number(part.value);
      switch (part.type) {
        case 'year':
          year = value;
          break;
        case 'month':
          month = value;
          break;
        case 'day':
          day = value;
          break;
        case 'hour':
          hour = value % 24; // some ICU versions print midnight as 24 despite h23
          break;
        case 'minute':
          minute = value;
          break;
        case 'second':
          sec = value;
          break;
        default:
          break;
      }
    }
    const local = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + sec * 1000;
    return local - second;
  }

  /** The instant of the local wall-clock time `local` (gap → transition instant, overlap → first). */
  toInstant(local: number): number {
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + DAY_MS);
    const early = local - before;
    const earlyValid = this.offsetAt(early) === before;
    if (before === after && earlyValid) return early;
    const late = local - after;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return this.firstInstantAfterChange(Math.min(early, late), Math.max(early, late));
  }

  /**
   * The offset if it is the same at the starts (UTC) of day numbers `fromDay` and `toDay`, which then
   * (one transition at most per two days) holds in between; `undefined` if a transition lies between.
   */
  constantOffset(fromDay: number, toDay: number): number | undefined {
    const first = this.offsetAtDayStart(fromDay);
    return first === this.offsetAtDayStart(toDay) ? first : undefined;
  }

  private offsetAtDayStart(day: number): number {
    const memo = this.dayStartOffsets.get(day);
    if (memo !== undefined) return memo;
    if (this.dayStartOffsets.size >= MEMO_LIMIT) this.dayStartOffsets.clear();
    const offset = this.offsetAt(day * DAY_MS);
    this.dayStartOffsets.set(day, offset);
    return offset;
  }

  /** Binary search (one-second steps) for the first instant in (lo, hi] whose offset differs from lo's. */
  private firstInstantAfterChange(lo: number, hi: number): number {
    let low = Math.floor(lo / 1000) * 1000;
    let high = hi;
    const offset = this.offsetAt(low);
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (this.offsetAt(mid) === offset) low = mid;
      else high = mid;
    }
    return high;
  }
}
