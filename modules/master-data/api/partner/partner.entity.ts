import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Contact } from '@mes/shared';

export type PartnerKind = 'customer' | 'supplier';

/** Customers and suppliers share one shape; `kind` tells them apart (codes are unique per kind). */
@Entity({ name: 'md_partners' })
export class PartnerEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') kind!: PartnerKind;
  @Column('varchar') code!: string;
  @Column('varchar') name!: string;
  @Column('varchar', { name: 'tax_id' }) taxId!: string;
  @Column('varchar') address!: string;
  @Column('varchar', { name: 'payment_terms' }) paymentTerms!: string;
  @Column('jsonb') contacts!: Contact[];
  @Column('varchar') status!: 'active' | 'inactive';
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
