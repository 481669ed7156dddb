import { MINUTES_PER_DAY } from './civil-date';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes after midnight of a strict `HH:mm` wall-clock time (00:00–23:59), or of `24:00` (= 1440)
 * when `allowEndOfDay` is set; `undefined` for anything else.
 */
export function parseClockTime(value: unknown, allowEndOfDay: boolean): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === '24:00') return allowEndOfDay ? MINUTES_PER_DAY : undefined;
  const match = CLOCK_TIME.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `HH:mm` of minutes after midnight, modulo one day except that 1440 prints as `24:00`. */
export function formatClockTime(minutes: number): string {
  const inDay = minutes === MINUTES_PER_DAY ? minutes : minutes % MINUTES_PER_DAY;
  const hours = Math.floor(inDay / 60);
  return `${String(hours).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
}
