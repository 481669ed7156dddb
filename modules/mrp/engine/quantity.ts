/**
 * Exact quantities as scaled bigints: the value × 10^18. Inputs have at most 6 decimals
 * (numeric(18,6)); a gross requirement is order qty (6) × qtyPer (6) × (1 + scrapRate) (6), so
 * 18 decimals hold every intermediate value exactly. Planned order quantities are whole multiples of
 * 0.000001 (rounded up from the shortfall), which keeps the 18-decimal scale closed under explosion.
 */
export type Qty = bigint;

export const QTY_SCALE = 18;
export const QTY_ONE: Qty = 10n ** 18n;
/** 0.000001, the smallest storable quantity (numeric(18,6)). */
export const QTY_STEP: Qty = 10n ** 12n;
export const INPUT_DECIMALS = 6;

const LITERAL = /^(-?)(\d{1,15})(?:\.(\d+))?$/;
const ZEROS = '0'.repeat(QTY_SCALE);
const MAX_FAST = BigInt(Number.MAX_SAFE_INTEGER) * QTY_STEP;

export type ParsedQty = { ok: true; value: Qty } | { ok: false; reason: string };

/** Parses a plain decimal string ("12", "0.5", "-3") with at most 6 decimals. */
export function parseQty(text: unknown): ParsedQty {
  if (typeof text !== 'string') return { ok: false, reason: 'must be a decimal string such as "12.5"' };
  const match = LITERAL.exec(text);
  if (!match) return { ok: false, reason: `"${text.slice(0, 40)}" is not a plain decimal such as "12.5"` };
  const fraction = match[3] ?? '';
  if (fraction.length > INPUT_DECIMALS) {
    return { ok: false, reason: `"${text}" has more than ${INPUT_DECIMALS} decimals` };
  }
  const magnitude = BigInt((match[2] ?? '0') + fraction + ZEROS.slice(fraction.length));
  return { ok: true, value: match[1] === '-' ? -magnitude : magnitude };
}

/** Plain notation without trailing zeros: "10", "0.5", "2.1", "-3". */
export function formatQty(value: Qty): string {
  // Fast path: a whole number of 0.000001 small enough to be an exact integer in a double.
  if (value % QTY_STEP === 0n && value >= 0n && value <= MAX_FAST) {
    const micros = Number(value / QTY_STEP);
    const units = Math.floor(micros / 1_000_000);
    const rest = micros - units * 1_000_000;
    if (rest === 0) return String(units);
    return `${units}.${trimZeros(String(rest).padStart(6, '0'))}`;
  }
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  let text: string;
  if (digits.length <= QTY_SCALE) {
    const fraction = trimZeros(ZEROS.slice(digits.length) + digits);
    text = fraction === '' ? '0' : `0.${fraction}`;
  } else {
    const cut = digits.length - QTY_SCALE;
    const fraction = trimZeros(digits.slice(cut));
    text = fraction === '' ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${fraction}`;
  }
  return negative && text !== '0' ? `-${text}` : text;
}

function trimZeros(fraction: string): string {
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  return fraction.slice(0, end);
}

/** Smallest multiple of 0.000001 that is ≥ value. */
export function ceilToStep(value: Qty): Qty {
  const rest = value % QTY_STEP;
  if (rest === 0n) return value;
  return value > 0n ? value - rest + QTY_STEP : value - rest;
}

/** Largest multiple of 0.000001 that is ≤ value. */
export function floorToStep(value: Qty): Qty {
  const rest = value % QTY_STEP;
  if (rest === 0n) return value;
  return value > 0n ? value - rest : value - rest - QTY_STEP;
}

/**
 * value × factor, both scaled. Exact when value is a multiple of 0.000001 and factor has at most 12
 * decimals (a qtyPer × (1 + scrapRate) product), which is how the engine uses it.
 */
export function mulQty(value: Qty, factor: Qty): Qty {
  return (value * factor) / QTY_ONE;
}

/** qtyPer × (1 + scrapRate) as a scaled factor (at most 12 decimals, exact). */
export function lineFactor(qtyPer: Qty, scrapRate: Qty): Qty {
  return (qtyPer * (QTY_ONE + scrapRate)) / QTY_ONE;
}

/** Smallest multiple of `step` (> 0) that is ≥ value (value ≥ 0). */
export function roundUpToMultiple(value: Qty, step: Qty): Qty {
  if (value <= 0n) return 0n;
  return ((value + step - 1n) / step) * step;
}

export const maxQty = (a: Qty, b: Qty): Qty => (a > b ? a : b);
export const minQty = (a: Qty, b: Qty): Qty => (a < b ? a : b);
