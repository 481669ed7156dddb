import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Tenant-owned (RLS) record of a submitted job, so a job id of another tenant reads as 404. */
@Entity({ name: 'job_runs' })
export class JobRunEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') queue!: string;
  @Column('varchar') name!: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
