import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'md_locations' })
export class LocationEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'warehouse_id' }) warehouseId!: string;
  @Column('varchar') code!: string;
  @Column('varchar') name!: string;
}
