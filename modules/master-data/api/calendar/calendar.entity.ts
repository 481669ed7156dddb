import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDefinition } from '@mes/shared';

@Entity({ name: 'md_calendars' })
export class CalendarEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') code!: string;
  @Column('varchar') name!: string;
  @Column('jsonb') definition!: CalendarDefinition;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
