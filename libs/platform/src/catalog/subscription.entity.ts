import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Dec, ModulePricing } from '@mes/shared';
import { decimalTransformer } from '../database/decimal.transformer';

@Entity({ schema: 'platform', name: 'subscriptions' })
export class SubscriptionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar', { name: 'module_key' }) moduleKey!: string;
  @Column('varchar') status!: 'active' | 'cancelled';
  @Column('numeric', {
    name: 'price_wan',
    precision: 18,
    scale: 2,
    nullable: true,
    transformer: decimalTransformer,
  })
  priceWan!: Dec | null;
  @Column('varchar') pricing!: ModulePricing;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt!: Date | null;
  @Column('uuid', { name: 'started_by', nullable: true }) startedBy!: string | null;
  @Column('uuid', { name: 'ended_by', nullable: true }) endedBy!: string | null;
}
