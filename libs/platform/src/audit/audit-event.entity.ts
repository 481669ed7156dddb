import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Tenant-owned (RLS): what was done, by whom, to what. */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId!: string | null;
  @Column('varchar') action!: string;
  @Column('varchar') entity!: string;
  @Column('varchar', { name: 'entity_id', nullable: true }) entityId!: string | null;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('timestamptz') at!: Date;
}
