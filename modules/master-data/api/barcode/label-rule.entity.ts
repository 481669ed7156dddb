import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '@mes/platform';
import type { Dec } from '@mes/shared';

export type LabelTarget = 'item' | 'location' | 'lot';
export type Symbology = 'code128' | 'qrcode';

@Entity({ name: 'md_label_rules' })
export class LabelRuleEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('varchar') target!: LabelTarget;
  @Column('varchar') symbology!: Symbology;
  @Column('varchar') prefix!: string;
  @Column('numeric', { name: 'width_mm', precision: 6, scale: 2, transformer: decimalTransformer })
  widthMm!: Dec;
  @Column('numeric', { name: 'height_mm', precision: 6, scale: 2, transformer: decimalTransformer })
  heightMm!: Dec;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
