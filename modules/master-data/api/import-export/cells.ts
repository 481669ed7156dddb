import { Dec, QUANTITY_SCALE } from '@mes/shared';

/** A parsed cell: its value, or the reason it was refused ("中文 / English"). */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

/**
 * A number read from an xlsx cell, as an exact decimal string. The cell holds an IEEE double
 * (0.1 + 0.2 is stored as 0.30000000000000004); Excel itself shows and computes with 15
 * significant digits, so the value is rounded to 15 significant digits and written without
 * exponent or trailing zeros: 0.30000000000000004 → "0.3", 1e-6 → "0.000001", 1234.5 → "1234.5".
 * The double never reaches a quantity: only the string does.
 */
export function xlsxNumberToDecimal(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return new Dec(value.toPrecision(15)).toFixed();
}

const INTEGER_DIGITS = 12;
/** Plain or scientific decimal notation, as Excel may write it into a CSV ("1E-06"). */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export interface DecimalRule {
  min?: string;
  minExclusive?: boolean;
  max?: string;
  maxExclusive?: boolean;
  scale?: number;
  /** Accept "5%" as 0.05 (rates). */
  percent?: boolean;
}

/** A decimal cell as a normalised string ("12.50" → "12.5"), within the column's range and scale. */
export function parseDecimal(text: string, rule: DecimalRule = {}): CellResult<string> {
  let raw = text.trim();
  let percent = false;
  if (rule.percent && raw.endsWith('%')) {
    percent = true;
    raw = raw.slice(0, -1).trim();
  }
  if (!NUMBER_TEXT.test(raw) || raw.length > 40) return fail(`不是数字 / not a number: ${text}`);
  let value = new Dec(raw);
  if (percent) value = value.dividedBy(100);
  const scale = rule.scale ?? QUANTITY_SCALE;
  if (value.decimalPlaces() > scale)
    return fail(`小数位数不能超过 ${scale} 位 / at most ${scale} decimal places: ${text}`);
  if (value.abs().trunc().toFixed().length > INTEGER_DIGITS) return fail(`数值过大 / too large: ${text}`);
  if (rule.min !== undefined && (rule.minExclusive ? value.lte(rule.min) : value.lt(rule.min)))
    return fail(
      `必须${rule.minExclusive ? '大于' : '不小于'} ${rule.min} / must be ${rule.minExclusive ? '>' : '≥'} ${rule.min}`,
    );
  if (rule.max !== undefined && (rule.maxExclusive ? value.gte(rule.max) : value.gt(rule.max)))
    return fail(
      `必须${rule.maxExclusive ? '小于' : '不大于'} ${rule.max} / must be ${rule.maxExclusive ? '<' : '≤'} ${rule.max}`,
    );
  return ok(value.isZero() ? '0' : value.toFixed());
}

/** An integer cell ("3", "3.0" and an xlsx 3 all read as 3). */
export function parseInteger(text: string, min: number, max: number): CellResult<number> {
  const decimal = parseDecimal(text, { scale: QUANTITY_SCALE });
  if (!decimal.ok) return fail(`不是整数 / not an integer: ${text}`);
  const value = new Dec(decimal.value);
  if (!value.isInteger()) return fail(`不是整数 / not an integer: ${text}`);
  if (value.lt(min) || value.gt(max)) return fail(`必须在 ${min}–${max} 之间 / must be ${min}–${max}`);
  return ok(value.toNumber());
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '需要', '启用']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '✘', '不需要', '停用']);

export function parseBoolean(text: string): CellResult<boolean> {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(`应填 是/否 / must be 是/否 (yes/no, true/false): ${text}`);
}

/** The boolean as exports write it. */
export const booleanLabel = (value: boolean): string => (value ? '是' : '否');

/** An enumeration accepting its code, its Chinese label and a few synonyms, case-insensitively. */
export class EnumCells<T extends string> {
  private readonly byWord = new Map<string, T>();

  constructor(
    private readonly labels: Record<T, string>,
    synonyms: Partial<Record<string, T>> = {},
  ) {
    for (const [code, label] of Object.entries(labels) as [T, string][]) {
      this.byWord.set(code.toLowerCase(), code);
      this.byWord.set(label.toLowerCase(), code);
    }
    for (const [word, code] of Object.entries(synonyms)) if (code) this.byWord.set(word.toLowerCase(), code);
  }

  parse(text: string): CellResult<T> {
    const code = this.byWord.get(text.trim().normalize('NFKC').toLowerCase());
    if (code) return ok(code);
    const allowed = (Object.entries(this.labels) as [T, string][]).map(([c, l]) => `${l}(${c})`).join('、');
    return fail(`应为 ${allowed} 之一 / must be one of ${allowed}: ${text}`);
  }

  label(code: T): string {
    return this.labels[code];
  }
}

/** A date cell: "2026-01-31", "2026/1/31" or an xlsx date (read as "2026-01-31"). */
export function parseDate(text: string): CellResult<string> {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d)
      return ok(date.toISOString().slice(0, 10));
  }
  return fail(`不是日期(年-月-日) / not a date (YYYY-MM-DD): ${text}`);
}
