import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';
import {
  ISSUE_MODES,
  OPERATION_STATUSES,
  WORK_ORDER_EVENT_KINDS,
  WORK_ORDER_SOURCES,
  WORK_ORDER_STATUSES,
} from '@mes/shared';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const qty = (name: string) => `${name} numeric(18,6) NOT NULL DEFAULT 0 CHECK (${name} >= 0)`;

const TABLES = [
  'pe_settings',
  'pe_work_orders',
  'pe_operations',
  'pe_reports',
  'pe_events',
  'pe_material_issues',
];

/**
 * Work orders (工单) with the operations copied from the item's routing, the work reports (报工) against
 * them, their status/pause events, the materials issued to them, and the per-tenant settings. Items,
 * work centers and warehouses are master-data ids; stock and reservations live in warehousing.
 */
export class ProductionExecutionCore1763704500000 implements MigrationInterface {
  name = 'ProductionExecutionCore1763704500000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE pe_settings (
         tenant_id uuid NOT NULL,
         over_report_tolerance numeric(9,4) NOT NULL DEFAULT 0
           CHECK (over_report_tolerance >= 0 AND over_report_tolerance <= 100),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id)
       )`,
      `CREATE TABLE pe_work_orders (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(24) NOT NULL,
         item_id uuid NOT NULL,
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         status varchar(12) NOT NULL CHECK (status IN (${list(WORK_ORDER_STATUSES)})),
         due_date date,
         release_date date,
         priority integer NOT NULL DEFAULT 0,
         parent_id uuid,
         source varchar(8) NOT NULL CHECK (source IN (${list(WORK_ORDER_SOURCES)})),
         source_ref varchar(100),
         issue_mode varchar(10) NOT NULL DEFAULT 'backflush' CHECK (issue_mode IN (${list(ISSUE_MODES)})),
         warehouse_id uuid NOT NULL,
         ${qty('received_qty')},
         note varchar(500) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         released_at timestamptz, started_at timestamptz, paused_at timestamptz, completed_at timestamptz,
         closed_at timestamptz, cancelled_at timestamptz,
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no),
         FOREIGN KEY (tenant_id, parent_id) REFERENCES pe_work_orders (tenant_id, id)
       )`,
      `CREATE INDEX pe_work_orders_status_idx ON pe_work_orders (tenant_id, status, no)`,
      `CREATE INDEX pe_work_orders_item_idx ON pe_work_orders (tenant_id, item_id)`,
      `CREATE INDEX pe_work_orders_parent_idx ON pe_work_orders (tenant_id, parent_id)`,
      `CREATE TABLE pe_operations (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         work_order_id uuid NOT NULL,
         seq integer NOT NULL CHECK (seq > 0),
         name varchar(100) NOT NULL,
         work_center_id uuid NOT NULL,
         ${qty('setup_minutes')}, ${qty('run_minutes')}, ${qty('queue_minutes')}, ${qty('move_minutes')},
         alternatives jsonb NOT NULL DEFAULT '[]',
         span_breaks boolean NOT NULL DEFAULT true,
         planned_qty numeric(18,6) NOT NULL CHECK (planned_qty > 0),
         ${qty('good_qty')}, ${qty('scrap_qty')}, ${qty('rework_qty')},
         status varchar(12) NOT NULL DEFAULT 'pending' CHECK (status IN (${list(OPERATION_STATUSES)})),
         started_at timestamptz, completed_at timestamptz,
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, work_order_id, seq),
         FOREIGN KEY (tenant_id, work_order_id) REFERENCES pe_work_orders (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX pe_operations_work_center_idx ON pe_operations (tenant_id, work_center_id, status)`,
      `CREATE TABLE pe_reports (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         work_order_id uuid NOT NULL,
         operation_seq integer NOT NULL,
         ${qty('good_qty')}, ${qty('scrap_qty')}, ${qty('rework_qty')},
         reason_code varchar(40),
         operator_codes text[] NOT NULL DEFAULT '{}',
         equipment_code varchar(40),
         started_at timestamptz, ended_at timestamptz,
         reported_at timestamptz NOT NULL DEFAULT now(),
         actor_id uuid,
         idempotency_key varchar(200),
         issue_doc_no varchar(24), receipt_doc_no varchar(24),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, idempotency_key),
         FOREIGN KEY (tenant_id, work_order_id, operation_seq) REFERENCES pe_operations (tenant_id, work_order_id, seq),
         CHECK (good_qty + scrap_qty > 0)
       )`,
      `CREATE INDEX pe_reports_work_order_idx ON pe_reports (tenant_id, work_order_id, reported_at)`,
      `CREATE TABLE pe_events (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         work_order_id uuid NOT NULL,
         kind varchar(12) NOT NULL CHECK (kind IN (${list(WORK_ORDER_EVENT_KINDS)})),
         from_status varchar(12), to_status varchar(12),
         reason varchar(200) NOT NULL DEFAULT '',
         actor_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, work_order_id) REFERENCES pe_work_orders (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX pe_events_work_order_idx ON pe_events (tenant_id, work_order_id, created_at)`,
      `CREATE TABLE pe_material_issues (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         work_order_id uuid NOT NULL,
         item_id uuid NOT NULL,
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         doc_no varchar(24) NOT NULL,
         report_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, work_order_id) REFERENCES pe_work_orders (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX pe_material_issues_work_order_idx ON pe_material_issues (tenant_id, work_order_id, item_id)`,
      ...TABLES.flatMap((t) => tenantRlsSql(t)),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.query(`DROP TABLE ${t}`);
  }
}
