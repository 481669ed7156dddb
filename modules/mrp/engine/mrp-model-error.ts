import { overflowMessage } from './quantity';

/** One problem of a model, `field` as a JSON path (`bom[3].child`, `items[2].lotSizing.qty`). */
export interface MrpModelErrorDetail {
  field: string;
  message: string;
}

/** A model the engine refuses; the API answers it as 400 with `details`. */
export class MrpModelError extends Error {
  override readonly name = 'MrpModelError';

  constructor(
    readonly details: MrpModelErrorDetail[],
    /** For a BOM cycle: the item codes around it, the first repeated at the end. */
    readonly cycle?: string[],
  ) {
    super(MrpModelError.summarize(details));
  }

  private static summarize(details: MrpModelErrorDetail[]): string {
    const shown = details.slice(0, 5).map((d) => `${d.field}: ${d.message}`);
    const more = details.length > shown.length ? `; and ${details.length - shown.length} more` : '';
    return `Invalid MRP model: ${shown.join('; ')}${more}`;
  }
}

/** A quantity of an item left the engine's exact range (±Number.MAX_SAFE_INTEGER millionths). */
export function quantityOverflow(item: { index: number; code: string }): MrpModelError {
  return new MrpModelError([{ field: `items[${item.index}]`, message: overflowMessage(item.code) }]);
}
