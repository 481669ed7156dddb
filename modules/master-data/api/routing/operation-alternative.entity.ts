import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '@mes/platform';
import type { Dec } from '@mes/shared';

/** Another work center that can run an operation, at its own run time per unit. */
@Entity({ name: 'md_operation_alternatives' })
export class OperationAlternativeEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'operation_id' }) operationId!: string;
  @PrimaryColumn('uuid', { name: 'work_center_id' }) workCenterId!: string;
  @Column('numeric', { name: 'run_minutes', precision: 18, scale: 6, transformer: decimalTransformer })
  runMinutes!: Dec;
}
