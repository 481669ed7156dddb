import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'md_units' })
export class UnitEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') code!: string;
  @Column('varchar') name!: string;
  @Column('smallint') precision!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
