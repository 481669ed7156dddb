import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '@mes/platform';
import type { Dec, WorkCenterKind } from '@mes/shared';

@Entity({ name: 'md_work_centers' })
export class WorkCenterEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') code!: string;
  @Column('varchar') name!: string;
  @Column('varchar') kind!: WorkCenterKind;
  @Column('integer', { name: 'parallel_capacity' }) parallelCapacity!: number;
  @Column('numeric', { precision: 6, scale: 4, transformer: decimalTransformer }) efficiency!: Dec;
  @Column('uuid', { name: 'calendar_id', nullable: true }) calendarId!: string | null;
  @Column('varchar') status!: 'active' | 'inactive';
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
