import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'md_boms' })
export class BomEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'item_id' }) itemId!: string;
  @Column('varchar') version!: string;
  @Column('boolean', { name: 'is_default' }) isDefault!: boolean;
  @Column('varchar') status!: 'active' | 'obsolete';
  @Column('varchar', { name: 'order_ref', nullable: true }) orderRef!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
