import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Dec } from '@mes/shared';
import { decimalTransformer } from '../database/decimal.transformer';

@Entity({ schema: 'platform', name: 'usage_events' })
export class UsageEventEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') meter!: string;
  @Column('varchar', { name: 'module_key', nullable: true }) moduleKey!: string | null;
  @Column('numeric', { precision: 18, scale: 6, transformer: decimalTransformer }) quantity!: Dec;
  @Column('varchar', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
