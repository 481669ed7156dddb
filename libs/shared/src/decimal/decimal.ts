import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for quantities and money. A JavaScript number never holds a stock
 * quantity or an amount; values cross the wire as strings ("12.500").
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Digits allowed by the columns: quantities numeric(18,6), money numeric(18,2). */
export const QUANTITY_SCALE = 6;
export const MONEY_SCALE = 2;
const INTEGER_DIGITS = 12;

/** A plain decimal literal: optional minus, digits, optional fraction. No exponent, no spaces. */
const DECIMAL_LITERAL = /^-?\d+(\.\d+)?$/;

export function isDecimalString(value: unknown, scale: number = QUANTITY_SCALE): value is string {
  if (typeof value !== 'string' || value.length > 40 || !DECIMAL_LITERAL.test(value)) return false;
  const [intPart = '', frac = ''] = value.replace('-', '').split('.');
  return intPart.replace(/^0+(?=\d)/, '').length <= INTEGER_DIGITS && frac.length <= scale;
}

export function toDecimal(value: string | Decimal): Decimal {
  return new Dec(value);
}

/** Fixed-scale string as stored in PostgreSQL numeric(18,scale), e.g. "6.00". */
export function formatDecimal(value: Decimal | string, scale: number): string {
  return new Dec(value).toFixed(scale);
}

/** Plain notation without trailing zeros ("0.000001", "24", "12.5"): how decimals go out as JSON. */
export function plainDecimal(value: Decimal | string): string {
  return new Dec(value).toFixed();
}
