import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TenantStatus } from '@mes/shared';

@Entity({ schema: 'platform', name: 'tenants' })
export class TenantEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') slug!: string;
  @Column('varchar') name!: string;
  @Column('varchar', { nullable: true }) industry!: string | null;
  @Column('varchar') status!: TenantStatus;
  @Column('varchar', { name: 'time_zone' }) timeZone!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'suspended_at', nullable: true }) suspendedAt!: Date | null;
}
