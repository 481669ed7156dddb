import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';

const TABLES = [
  'mrp_runs',
  'mrp_planned_orders',
  'mrp_pegs',
  'mrp_demands',
  'mrp_exceptions',
  'mrp_records',
  'mrp_forecasts',
];

/**
 * 物料需求计划: runs (one BullMQ job each), the stored plan — planned orders, their pegs to the
 * demands (kept with the run, so a peg drills to the sales order line or forecast), exceptions, the
 * time-phased record per item (jsonb buckets) — and the planner's forecasts. The plan tables hold
 * the latest succeeded run (planned orders also the one before, so firming one of those is a 409).
 */
export class MrpCore1763704000000 implements MigrationInterface {
  name = 'MrpCore1763704000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE mrp_runs (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         status varchar(10) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
         start_date date NOT NULL,
         horizon_days integer NOT NULL CHECK (horizon_days BETWEEN 1 AND 3660),
         lock_stock boolean NOT NULL DEFAULT false,
         job_id uuid NOT NULL,
         attempts integer NOT NULL DEFAULT 0,
         counts jsonb, timings jsonb, error jsonb,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         started_at timestamptz, finished_at timestamptz,
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE INDEX mrp_runs_created_idx ON mrp_runs (tenant_id, created_at DESC)`,
      `CREATE INDEX mrp_runs_succeeded_idx ON mrp_runs (tenant_id, finished_at DESC) WHERE status = 'succeeded'`,
      // One queued or running run per tenant, race-free.
      `CREATE UNIQUE INDEX mrp_runs_one_active ON mrp_runs (tenant_id) WHERE status IN ('queued', 'running')`,
      `CREATE TABLE mrp_planned_orders (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         run_id uuid NOT NULL,
         seq integer NOT NULL,
         item_code varchar(64) NOT NULL,
         kind varchar(4) NOT NULL CHECK (kind IN ('make', 'buy')),
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         pegged_qty numeric(18,6) NOT NULL DEFAULT 0,
         release_date date NOT NULL, due_date date NOT NULL,
         status varchar(8) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'firmed')),
         firmed_kind varchar(20) CHECK (firmed_kind IN ('purchase_order', 'requisition', 'work_order_request')),
         firmed_ref varchar(100),
         firmed_by uuid, firmed_at timestamptz,
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE INDEX mrp_planned_orders_run_idx ON mrp_planned_orders (tenant_id, run_id, seq)`,
      `CREATE TABLE mrp_pegs (
         tenant_id uuid NOT NULL, planned_order_id uuid NOT NULL, seq integer NOT NULL,
         run_id uuid NOT NULL,
         demand_ref varchar(120) NOT NULL,
         qty numeric(18,6) NOT NULL,
         PRIMARY KEY (tenant_id, planned_order_id, seq)
       )`,
      `CREATE TABLE mrp_demands (
         tenant_id uuid NOT NULL, run_id uuid NOT NULL, ref varchar(120) NOT NULL,
         source varchar(20) NOT NULL CHECK (source IN ('sales_order', 'forecast', 'work_order_request')),
         item_code varchar(64) NOT NULL,
         qty numeric(18,6) NOT NULL,
         due_date date NOT NULL,
         order_id uuid, order_no varchar(24), line_no integer,
         customer_code varchar(40), customer_name varchar(200),
         forecast_id uuid,
         PRIMARY KEY (tenant_id, run_id, ref)
       )`,
      `CREATE TABLE mrp_exceptions (
         tenant_id uuid NOT NULL, run_id uuid NOT NULL, seq integer NOT NULL,
         type varchar(20) NOT NULL,
         item_code varchar(64) NOT NULL,
         ref varchar(120), date date, needed_on date,
         message varchar(500) NOT NULL,
         PRIMARY KEY (tenant_id, run_id, seq)
       )`,
      `CREATE INDEX mrp_exceptions_item_idx ON mrp_exceptions (tenant_id, run_id, item_code)`,
      `CREATE TABLE mrp_records (
         tenant_id uuid NOT NULL, run_id uuid NOT NULL, item_code varchar(64) NOT NULL,
         kind varchar(4) NOT NULL,
         low_level_code integer NOT NULL,
         lead_time_days integer NOT NULL,
         safety_stock numeric(18,6) NOT NULL,
         on_hand numeric(18,6) NOT NULL, allocated numeric(18,6) NOT NULL, available numeric(18,6) NOT NULL,
         -- [[date, gross, scheduledReceipts, projectedBalance, netRequirement, plannedReceipts, plannedReleases], …]
         -- as json (stored as written: 5 000 items' records go in several times faster than as jsonb)
         buckets json NOT NULL,
         PRIMARY KEY (tenant_id, run_id, item_code)
       )`,
      `CREATE TABLE mrp_forecasts (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         item_id uuid NOT NULL,
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         due_date date NOT NULL,
         note varchar(200) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE INDEX mrp_forecasts_due_idx ON mrp_forecasts (tenant_id, due_date)`,
      ...TABLES.flatMap((t) => tenantRlsSql(t)),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')}`);
  }
}
