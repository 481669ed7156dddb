import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'idempotency_records' })
export class IdempotencyRecordEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('varchar') key!: string;
  @Column('varchar') method!: string;
  @Column('varchar') path!: string;
  @Column('char', { name: 'request_hash', length: 64 }) requestHash!: string;
  @Column('int', { name: 'status_code', nullable: true }) statusCode!: number | null;
  @Column('jsonb', { nullable: true }) response!: unknown;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
