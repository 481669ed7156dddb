import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@mes/shared';

@Entity({ schema: 'platform', name: 'memberships' })
export class MembershipEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
