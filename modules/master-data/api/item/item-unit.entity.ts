import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '@mes/platform';
import type { Dec } from '@mes/shared';

/** 1 `unit` = `factor` × the item's base unit. */
@Entity({ name: 'md_item_units' })
export class ItemUnitEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'item_id' }) itemId!: string;
  @PrimaryColumn('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('numeric', { precision: 18, scale: 6, transformer: decimalTransformer }) factor!: Dec;
}
