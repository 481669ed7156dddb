import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '@mes/platform';
import type { Dec, ItemStatus, ItemType, LotSizing, MakeOrBuy } from '@mes/shared';

@Entity({ name: 'md_items' })
export class ItemEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') code!: string;
  @Column('varchar') name!: string;
  @Column('varchar') spec!: string;
  @Column('varchar') type!: ItemType;
  @Column('uuid', { name: 'base_unit_id' }) baseUnitId!: string;
  @Column('varchar', { name: 'make_or_buy' }) makeOrBuy!: MakeOrBuy;
  @Column('integer', { name: 'lead_time_days' }) leadTimeDays!: number;
  @Column('numeric', { name: 'safety_stock', precision: 18, scale: 6, transformer: decimalTransformer })
  safetyStock!: Dec;
  @Column('jsonb', { name: 'lot_sizing' }) lotSizing!: LotSizing;
  @Column('boolean', { name: 'lot_tracked' }) lotTracked!: boolean;
  @Column('varchar', { nullable: true }) barcode!: string | null;
  @Column('uuid', { name: 'default_warehouse_id', nullable: true }) defaultWarehouseId!: string | null;
  @Column('boolean', { name: 'inspection_required' }) inspectionRequired!: boolean;
  @Column('varchar') status!: ItemStatus;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
