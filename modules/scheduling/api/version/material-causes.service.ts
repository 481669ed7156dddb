import { Injectable } from '@nestjs/common';
import { KitCheck } from '@mes/production-execution-api';
import { Dec } from '@mes/shared';
import type { ScheduleSummary } from './schedule-summary';

/** Late orders whose kit is checked for a missing component (the latest first); the rest keep their cause. */
export const MATERIAL_CHECKS = 30;

/**
 * A late work order whose components are short is late for material, whatever it waited for on the
 * machines: its cause names the first short component and how much is missing (齐套检查). A component
 * another work order is making for it (pegged, `fedItems`) is not short: that wait is already its cause.
 */
@Injectable()
export class MaterialCauses {
  constructor(private readonly kit: KitCheck) {}

  async apply(
    workOrderIds: readonly string[],
    summary: ScheduleSummary,
    fedItems: readonly (readonly string[] | undefined)[] = [],
  ): Promise<void> {
    const late = summary.orders
      .map((o, i) => ({ o, id: workOrderIds[i], fed: fedItems[i] ?? [] }))
      .filter(
        (x): x is { o: (typeof summary.orders)[number]; id: string; fed: readonly string[] } =>
          x.o.latenessMinutes > 0 && !!x.id,
      )
      .sort((a, b) => b.o.latenessMinutes - a.o.latenessMinutes)
      .slice(0, MATERIAL_CHECKS);
    for (const { o, id, fed } of late) {
      const result = await this.kit.check(id);
      const short = result.lines.find((l) => new Dec(l.shortage).gt(0) && !fed.includes(l.itemCode));
      if (!short) continue;
      o.lateCause = {
        kind: 'material',
        code: short.itemCode,
        message: `缺料 ${short.itemCode} ${short.itemName} 短 ${short.shortage} / short of ${short.itemCode}: ${short.shortage}`,
        waitMinutes: o.lateCause?.waitMinutes ?? 0,
      };
    }
  }
}
