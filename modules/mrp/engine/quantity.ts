/**
 * Exact quantities as integer numbers of millionths (0.000001) held in a JS number: "12.5" is
 * 12 500 000. Inputs have at most 6 decimals (numeric(18,6)), so every input is such an integer; sums
 * and differences stay exact integers as long as they stay within ±Number.MAX_SAFE_INTEGER millionths
 * (≈ 9·10⁹ units), which the engine checks (`assertSafe`). A gross requirement
 * parentQty × qtyPer × (1 + scrapRate) is computed exactly and rounded UP to the next millionth
 * (`requirementQty`); no float ever holds anything but an integer number of millionths.
 */
export type Qty = number;

/** Millionths per unit. */
export const QTY_ONE: Qty = 1_000_000;
/** 0.000001, the smallest storable quantity (numeric(18,6)). */
export const QTY_STEP: Qty = 1;
export const INPUT_DECIMALS = 6;
/** The largest quantity (in millionths) the engine holds exactly: 9 007 199 254.740991 units. */
export const MAX_QTY: Qty = Number.MAX_SAFE_INTEGER;

const LITERAL = /^(-?)(\d{1,15})(?:\.(\d+))?$/;
const ZEROS = '000000';
/** Denominator of a BOM line factor before reduction: qtyPer (6 decimals) × (1 + scrapRate) (6). */
const FACTOR_SCALE = 10n ** 12n;
/** One millionth in the units of a product's fraction (10⁻¹² millionths). */
export const FRACTION_ONE = 1e12;

export type ParsedQty = { ok: true; value: Qty } | { ok: false; reason: string };

const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * The common case without a regular expression: [-]digits[.digits], at most 9 digits before and 6
 * after the point. NaN for anything else (then `parseQty` takes the full route and explains).
 */
function parseSimple(text: string): number {
  const length = text.length;
  let at = text.charCodeAt(0) === 45 ? 1 : 0;
  const negative = at === 1;
  let whole = 0;
  const wholeStart = at;
  for (; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) break;
    whole = whole * 10 + (code - 48);
  }
  const wholeDigits = at - wholeStart;
  if (wholeDigits === 0 || wholeDigits > 9) return NaN;
  let fraction = 0;
  let decimals = 0;
  if (at < length) {
    if (text.charCodeAt(at) !== 46) return NaN;
    for (at++; at < length; at++) {
      const code = text.charCodeAt(at);
      if (code < 48 || code > 57 || decimals === INPUT_DECIMALS) return NaN;
      fraction = fraction * 10 + (code - 48);
      decimals++;
    }
    if (decimals === 0) return NaN;
  }
  const magnitude = whole * QTY_ONE + fraction * (POWERS[INPUT_DECIMALS - decimals] ?? 1);
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** Parses a plain decimal string ("12", "0.5", "-3") with at most 6 decimals into millionths. */
export function parseQty(text: unknown): ParsedQty {
  if (typeof text !== 'string') return { ok: false, reason: 'must be a decimal string such as "12.5"' };
  const simple = parseSimple(text);
  if (!Number.isNaN(simple)) return { ok: true, value: simple };
  const match = LITERAL.exec(text);
  if (!match) return { ok: false, reason: `"${text.slice(0, 40)}" is not a plain decimal such as "12.5"` };
  const fraction = match[3] ?? '';
  if (fraction.length > INPUT_DECIMALS) {
    return { ok: false, reason: `"${text}" has more than ${INPUT_DECIMALS} decimals` };
  }
  // Number() of at most 22 digits is correctly rounded: exact up to 2^53, and > MAX_QTY beyond it.
  const magnitude = Number((match[2] ?? '0') + fraction + ZEROS.slice(fraction.length));
  if (magnitude > MAX_QTY) return { ok: false, reason: `"${text}" is larger than ${formatQty(MAX_QTY)}` };
  return { ok: true, value: match[1] === '-' && magnitude !== 0 ? -magnitude : magnitude };
}

const WHOLE_CACHED = 10_000;
const WHOLE_TEXT: (string | undefined)[] = [];

/** Plain notation without trailing zeros: "10", "0.5", "2.1", "-3". */
export function formatQty(value: Qty): string {
  if (value < 0) return `-${formatQty(-value)}`;
  if (value < WHOLE_CACHED * QTY_ONE && value % QTY_ONE === 0) {
    // Most quantities are whole units: one string each, not one per peg.
    const units = value / QTY_ONE;
    let text = WHOLE_TEXT[units];
    if (text === undefined) {
      text = `${units}`;
      WHOLE_TEXT[units] = text;
    }
    return text;
  }
  let units = Math.floor(value / QTY_ONE);
  let rest = value - units * QTY_ONE;
  if (rest < 0) {
    // value / 10^6 rounded up to the next unit (possible close to 2^53).
    units -= 1;
    rest += QTY_ONE;
  }
  if (rest === 0) return `${units}`;
  let decimals = 6;
  while (rest % 10 === 0) {
    rest /= 10;
    decimals--;
  }
  const digits = `${rest}`;
  return `${units}.${ZEROS.slice(0, decimals - digits.length)}${digits}`;
}

/**
 * An exact value `whole + fraction / 10¹²` millionths (0 ≤ fraction < 10¹²; a gross requirement, a
 * balance) in plain notation: up to 18 decimals, no trailing zeros.
 */
export function formatExact(whole: Qty, fraction: number): string {
  if (fraction === 0) return formatQty(whole);
  if (whole < 0) return `-${formatExact(-whole - 1, FRACTION_ONE - fraction)}`;
  let rest = fraction;
  let decimals = 12;
  while (rest % 10 === 0) {
    rest /= 10;
    decimals--;
  }
  const digits = `${rest}`;
  const extra = `${'0'.repeat(decimals - digits.length)}${digits}`;
  const micros = formatQty(whole);
  if (micros.includes('.')) {
    const [units = '0', decimalsText = ''] = micros.split('.');
    return `${units}.${decimalsText.padEnd(6, '0')}${extra}`;
  }
  return `${micros}.000000${extra}`;
}

/** Smallest multiple of `step` (> 0) that is ≥ value (value ≥ 0); 0 for value ≤ 0. */
export function roundUpToMultiple(value: Qty, step: Qty): Qty {
  if (value <= 0) return 0;
  const rest = value % step;
  return rest === 0 ? value : value - rest + step;
}

export const maxQty = (a: Qty, b: Qty): Qty => (a > b ? a : b);
export const minQty = (a: Qty, b: Qty): Qty => (a < b ? a : b);

/** True when |value| is an exact integer number of millionths the engine may hold. */
export const isSafeQty = (value: Qty): boolean => value <= MAX_QTY && value >= -MAX_QTY;

/**
 * A BOM line's qtyPer × (1 + scrapRate) as the exact fraction `num / den` (reduced, den divides
 * 10^12). `num` is Infinity when it is not a safe integer: then `big` is used.
 */
export interface LineFactor {
  num: number;
  den: number;
  /** 10^12 / den: a remainder modulo `den` in 10⁻¹² millionths. */
  scale: number;
  big: { num: bigint; den: bigint };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** qtyPer × (1 + scrapRate), both in millionths, as an exact reduced fraction. */
export function lineFactor(qtyPer: Qty, scrapRate: Qty): LineFactor {
  const product = BigInt(qtyPer) * (BigInt(QTY_ONE) + BigInt(scrapRate));
  const divisor = gcd(product, FACTOR_SCALE);
  const num = product / divisor;
  const den = FACTOR_SCALE / divisor;
  return {
    num: num <= BigInt(MAX_QTY) ? Number(num) : Infinity,
    den: Number(den),
    scale: Number(divisor),
    big: { num, den },
  };
}

/**
 * value × factor for value ≥ 0 in millionths, exactly, as `[whole, fraction]`: whole millionths and
 * the rest in 10⁻¹² millionths (0 ≤ fraction < 10¹²). Doubles when value × num is a safe integer,
 * BigInt otherwise. `whole` may exceed MAX_QTY (then the caller's check fails).
 */
export function mulFactor(value: Qty, factor: LineFactor, out: Float64Array): void {
  const product = value * factor.num;
  if (product <= MAX_QTY) {
    const rest = product % factor.den;
    out[0] = (product - rest) / factor.den;
    out[1] = rest * factor.scale;
    return;
  }
  const big = BigInt(value) * factor.big.num;
  const den = factor.big.den;
  const rest = big % den;
  out[0] = Number(big / den);
  out[1] = Number(rest * (FACTOR_SCALE / den));
}

/** The message when a quantity of `item` left the exact range. */
export function overflowMessage(item: string): string {
  return `item "${item}": quantities exceed ${formatQty(MAX_QTY)}, the largest the engine holds exactly`;
}
