import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '@mes/platform';
import type { Dec } from '@mes/shared';

const minutes = (name: string) => ({ name, precision: 18, scale: 6, transformer: decimalTransformer });

@Entity({ name: 'md_routing_operations' })
export class RoutingOperationEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'routing_id' }) routingId!: string;
  @Column('integer') seq!: number;
  @Column('varchar') name!: string;
  @Column('uuid', { name: 'work_center_id' }) workCenterId!: string;
  @Column('numeric', minutes('setup_minutes')) setupMinutes!: Dec;
  @Column('numeric', minutes('run_minutes')) runMinutes!: Dec;
  @Column('numeric', minutes('queue_minutes')) queueMinutes!: Dec;
  @Column('numeric', minutes('move_minutes')) moveMinutes!: Dec;
  @Column('varchar') skill!: string;
  @Column('boolean', { name: 'inspection_point' }) inspectionPoint!: boolean;
  @Column('boolean', { name: 'span_breaks' }) spanBreaks!: boolean;
  @Column('varchar', { name: 'sop_url' }) sopUrl!: string;
}
