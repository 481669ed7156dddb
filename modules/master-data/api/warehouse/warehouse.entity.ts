import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'md_warehouses' })
export class WarehouseEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') code!: string;
  @Column('varchar') name!: string;
  @Column('varchar') address!: string;
  @Column('boolean', { name: 'allow_negative_stock' }) allowNegativeStock!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
