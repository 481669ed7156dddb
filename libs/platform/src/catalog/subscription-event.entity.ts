import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Dec, ModulePricing } from '@mes/shared';
import { decimalTransformer } from '../database/decimal.transformer';

/** Append-only history of subscription changes: who, when, and the price at the time (for billing). */
@Entity({ schema: 'platform', name: 'subscription_events' })
export class SubscriptionEventEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId!: string;
  @Column('varchar', { name: 'module_key' }) moduleKey!: string;
  @Column('varchar') action!: 'subscribe' | 'unsubscribe';
  @Column('numeric', {
    name: 'price_wan',
    precision: 18,
    scale: 2,
    nullable: true,
    transformer: decimalTransformer,
  })
  priceWan!: Dec | null;
  @Column('varchar') pricing!: ModulePricing;
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId!: string | null;
  @Column('timestamptz') at!: Date;
}
