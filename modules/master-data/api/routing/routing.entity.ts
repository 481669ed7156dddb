import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'md_routings' })
export class RoutingEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'item_id' }) itemId!: string;
  @Column('varchar') version!: string;
  @Column('boolean', { name: 'is_default' }) isDefault!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
