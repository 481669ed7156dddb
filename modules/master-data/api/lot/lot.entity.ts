import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A lot (batch) of an item: its number, the supplier's lot, dates. Stock by lot lives in warehousing. */
@Entity({ name: 'md_lots' })
export class LotEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'item_id' }) itemId!: string;
  @Column('varchar', { name: 'lot_no' }) lotNo!: string;
  @Column('varchar', { name: 'supplier_lot' }) supplierLot!: string;
  @Column('uuid', { name: 'supplier_id', nullable: true }) supplierId!: string | null;
  @Column('date', { name: 'manufactured_on', nullable: true }) manufacturedOn!: string | null;
  @Column('date', { name: 'expires_on', nullable: true }) expiresOn!: string | null;
  @Column('varchar') note!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
