import { ValidationFailedError } from '@mes/platform';
import { plainDecimal, type ApiErrorDetail, type LotSizing } from '@mes/shared';
import type { LotSizingDto } from './item.dto';

/** The lot-sizing rule with exactly the fields its rule needs (PLANNING-FORMATS.md), or a 400. */
export function normalizeLotSizing(dto: LotSizingDto | undefined, field = 'lotSizing'): LotSizing {
  if (!dto) return { rule: 'LFL' };
  const details: ApiErrorDetail[] = [];
  const need = (name: keyof LotSizingDto) => {
    if (dto[name] === undefined)
      details.push({ field: `${field}.${name}`, message: `required for rule ${dto.rule}` });
  };
  const allowed: Record<LotSizing['rule'], (keyof LotSizingDto)[]> = {
    LFL: [],
    FOQ: ['qty'],
    POQ: ['periods'],
    MINMULT: ['min', 'multiple'],
  };
  for (const name of allowed[dto.rule]) need(name);
  for (const name of ['qty', 'periods', 'min', 'multiple'] as const) {
    if (dto[name] !== undefined && !allowed[dto.rule].includes(name)) {
      details.push({ field: `${field}.${name}`, message: `not used by rule ${dto.rule}` });
    }
  }
  if (details.length) throw new ValidationFailedError(details);
  switch (dto.rule) {
    case 'LFL':
      return { rule: 'LFL' };
    case 'FOQ':
      return { rule: 'FOQ', qty: plainDecimal(dto.qty ?? '0') };
    case 'POQ':
      return { rule: 'POQ', periods: dto.periods ?? 1 };
    case 'MINMULT':
      return {
        rule: 'MINMULT',
        min: plainDecimal(dto.min ?? '0'),
        multiple: plainDecimal(dto.multiple ?? '1'),
      };
  }
}
