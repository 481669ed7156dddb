import type { LotRule } from './normalized-model';
import { ceilToStep, maxQty, roundUpToMultiple, type Qty } from './quantity';

/**
 * Size of the planned order due on a day whose balance would fall `shortfall` (> 0) below safety
 * stock. `coverage` is what POQ must bring: the shortfall that would build up through
 * `day + periods − 1` without any further planned order (≥ shortfall); other rules ignore it.
 * Quantities come out as multiples of 0.000001 (numeric(18,6)): LFL and POQ round up to it.
 */
export function lotQuantity(rule: LotRule, shortfall: Qty, coverage: Qty = shortfall): Qty {
  switch (rule.rule) {
    case 'LFL':
      return ceilToStep(shortfall);
    case 'FOQ':
      return roundUpToMultiple(shortfall, rule.qty);
    case 'POQ':
      return ceilToStep(maxQty(coverage, shortfall));
    case 'MINMULT':
      return roundUpToMultiple(maxQty(shortfall, rule.min), rule.multiple);
  }
}
