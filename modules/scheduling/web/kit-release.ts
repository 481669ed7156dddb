import type { ApiErrorDetail, KitCheckLine, KitCheckResult } from '@mes/shared';

/** production-execution's permission to release work orders. */
export const RELEASE_PERMISSION = 'production-execution:write';

export interface ReleaseState {
  /** The components that are short (shortage > 0). */
  short: KitCheckLine[];
  /** The release button may be pressed: the kit is complete, or the planner chose to force it. */
  canRelease: boolean;
}

/** 齐套检查 → what the release dialog offers. */
export function releaseState(kit: KitCheckResult | null, force: boolean): ReleaseState {
  if (!kit) return { short: [], canRelease: false };
  const short = kit.lines.filter((l) => Number(l.shortage) > 0);
  return { short, canRelease: kit.ok || force };
}

/**
 * The shortage lines of a 409 KIT_SHORTAGE (details `components.<itemCode>` carrying the numbers), so
 * the dialog shows what the server saw at release time, which may differ from the check before.
 */
export function shortageFromDetails(details: readonly ApiErrorDetail[]): KitCheckLine[] {
  const lines: KitCheckLine[] = [];
  for (const d of details) {
    const extra = d as ApiErrorDetail & Partial<KitCheckLine>;
    if (!d.field.startsWith('components.') || extra.shortage === undefined) continue;
    lines.push({
      itemCode: extra.itemCode ?? d.field.slice('components.'.length),
      itemName: extra.itemName ?? '',
      required: extra.required ?? '',
      available: extra.available ?? '',
      shortage: extra.shortage,
    });
  }
  return lines;
}
