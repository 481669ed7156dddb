import type { LotRule } from './normalized-model';
import { roundUpToMultiple, type Qty } from './quantity';

/**
 * Size of the planned order due on a day whose balance would fall `shortfall` (> 0) below safety
 * stock. `coverage` is what POQ must bring: the shortfall that would build up through
 * `day + periods − 1` without any further planned order (≥ shortfall); other rules ignore it.
 * Quantities are whole millionths (numeric(18,6)), like every quantity of the engine.
 */
export function lotQuantity(rule: LotRule, shortfall: Qty, coverage: Qty = shortfall): Qty {
  switch (rule.rule) {
    case 'LFL':
      return shortfall;
    case 'FOQ':
      return roundUpToMultiple(shortfall, rule.qty);
    case 'POQ':
      return coverage > shortfall ? coverage : shortfall;
    case 'MINMULT':
      return roundUpToMultiple(shortfall > rule.min ? shortfall : rule.min, rule.multiple);
  }
}
