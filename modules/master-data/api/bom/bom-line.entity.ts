import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '@mes/platform';
import type { Dec } from '@mes/shared';

@Entity({ name: 'md_bom_lines' })
export class BomLineEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'bom_id' }) bomId!: string;
  @Column('integer') seq!: number;
  @Column('uuid', { name: 'item_id' }) itemId!: string;
  @Column('numeric', { name: 'qty_per', precision: 18, scale: 6, transformer: decimalTransformer })
  qtyPer!: Dec;
  @Column('numeric', { name: 'scrap_rate', precision: 9, scale: 6, transformer: decimalTransformer })
  scrapRate!: Dec;
  @Column('integer', { name: 'operation_seq', nullable: true }) operationSeq!: number | null;
  @Column('date', { name: 'valid_from', nullable: true }) validFrom!: string | null;
  @Column('date', { name: 'valid_to', nullable: true }) validTo!: string | null;
}
