import { ValidateBy, type ValidationOptions } from 'class-validator';
import { Dec, isDecimalString, QUANTITY_SCALE } from '@mes/shared';

export interface DecimalRule {
  /** Decimal places allowed (6 for quantities, 2 for money). */
  scale?: number;
  min?: string;
  /** true: the value must be strictly greater than `min`. */
  minExclusive?: boolean;
  max?: string;
  /** true: the value must be strictly less than `max`. */
  maxExclusive?: boolean;
}

function describe(rule: DecimalRule): string {
  const parts = [`a decimal string with at most ${rule.scale ?? QUANTITY_SCALE} decimal places`];
  if (rule.min !== undefined) parts.push(`${rule.minExclusive ? '>' : '≥'} ${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.maxExclusive ? '<' : '≤'} ${rule.max}`);
  return parts.join(', ');
}

/** Exact decimals travel as strings ("12.500"); a JSON number, "1e3" or "abc" is refused. */
export function IsDecimalString(rule: DecimalRule = {}, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimalString',
      validator: {
        validate(value: unknown): boolean {
          if (!isDecimalString(value, rule.scale ?? QUANTITY_SCALE)) return false;
          const v = new Dec(value);
          if (rule.min !== undefined && (rule.minExclusive ? v.lte(rule.min) : v.lt(rule.min))) return false;
          if (rule.max !== undefined && (rule.maxExclusive ? v.gte(rule.max) : v.gt(rule.max))) return false;
          return true;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be ${describe(rule)}`,
      },
    },
    options,
  );
}
