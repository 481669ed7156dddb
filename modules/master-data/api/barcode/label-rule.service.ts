import { Injectable } from '@nestjs/common';
import { TenantDb } from '@mes/platform';
import { Dec, plainDecimal, type LabelRuleView } from '@mes/shared';
import type { LabelRuleDto } from './barcode.dto';
import { LabelRuleEntity, type LabelTarget } from './label-rule.entity';

/** Until a tenant sets its own: Code128 item labels, QR location ("L:") and lot ("B:") labels, 60 × 40 mm. */
export const DEFAULT_LABEL_RULES: Record<LabelTarget, LabelRuleView> = {
  item: { target: 'item', symbology: 'code128', prefix: '', widthMm: '60', heightMm: '40' },
  location: { target: 'location', symbology: 'qrcode', prefix: 'L:', widthMm: '60', heightMm: '40' },
  lot: { target: 'lot', symbology: 'qrcode', prefix: 'B:', widthMm: '60', heightMm: '40' },
};

/** How each kind of label is encoded and sized (标签规则). */
@Injectable()
export class LabelRuleService {
  constructor(private readonly db: TenantDb) {}

  async all(): Promise<Record<LabelTarget, LabelRuleView>> {
    const rows = await this.db.manager.find(LabelRuleEntity);
    const rules = { ...DEFAULT_LABEL_RULES };
    for (const r of rows) {
      rules[r.target] = {
        target: r.target,
        symbology: r.symbology,
        prefix: r.prefix,
        widthMm: plainDecimal(r.widthMm),
        heightMm: plainDecimal(r.heightMm),
      };
    }
    return rules;
  }

  async put(tenantId: string, target: LabelTarget, dto: LabelRuleDto): Promise<LabelRuleView> {
    const current = (await this.all())[target];
    const row = this.db.manager.create(LabelRuleEntity, {
      tenantId,
      target,
      symbology: dto.symbology,
      prefix: dto.prefix ?? current.prefix,
      widthMm: new Dec(dto.widthMm ?? current.widthMm),
      heightMm: new Dec(dto.heightMm ?? current.heightMm),
      updatedAt: new Date(),
    });
    await this.db.manager.upsert(LabelRuleEntity, row, ['tenantId', 'target']);
    return (await this.all())[target];
  }
}
