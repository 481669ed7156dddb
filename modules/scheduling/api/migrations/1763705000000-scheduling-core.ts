import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';

const TABLES = [
  'sch_runs',
  'sch_versions',
  'sch_version_problems',
  'sch_version_operations',
  'sch_version_orders',
  'sch_item_families',
  'sch_changeovers',
];

/**
 * 主生产计划 / 车间计划管理: runs (one BullMQ job each), schedule versions (KPIs, the engine problem
 * they were computed from, one row per scheduled operation and per work order), publishing (one
 * published version per tenant: the dispatch lists), and the changeover data the engine needs —
 * item → family and family → family minutes per work center (or for all).
 */
export class SchedulingCore1763705000000 implements MigrationInterface {
  name = 'SchedulingCore1763705000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE sch_runs (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         status varchar(10) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
         name varchar(100) NOT NULL DEFAULT '',
         strategy varchar(10) NOT NULL CHECK (strategy IN ('forward', 'backward')),
         rule varchar(10) NOT NULL,
         time_limit_seconds integer NOT NULL CHECK (time_limit_seconds BETWEEN 0 AND 300),
         weights jsonb NOT NULL DEFAULT '{}',
         work_center_codes text[],
         cancel_requested boolean NOT NULL DEFAULT false,
         version_id uuid,
         timings jsonb, error jsonb,
         warnings jsonb NOT NULL DEFAULT '[]',
         attempts integer NOT NULL DEFAULT 0,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         started_at timestamptz, finished_at timestamptz,
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE INDEX sch_runs_created_idx ON sch_runs (tenant_id, created_at DESC)`,
      `CREATE UNIQUE INDEX sch_runs_one_active ON sch_runs (tenant_id) WHERE status IN ('queued', 'running')`,
      `CREATE TABLE sch_versions (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(40) NOT NULL,
         name varchar(100) NOT NULL DEFAULT '',
         status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
         run_id uuid,
         strategy varchar(10) NOT NULL,
         rule varchar(40) NOT NULL,
         horizon_start timestamptz NOT NULL,
         kpis jsonb NOT NULL,
         stopped_by varchar(20) NOT NULL,
         iterations integer NOT NULL DEFAULT 0,
         adjustments integer NOT NULL DEFAULT 0,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         published_at timestamptz,
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no)
       )`,
      `CREATE INDEX sch_versions_created_idx ON sch_versions (tenant_id, created_at DESC)`,
      `CREATE UNIQUE INDEX sch_versions_one_published ON sch_versions (tenant_id) WHERE status = 'published'`,
      `CREATE TABLE sch_version_problems (
         tenant_id uuid NOT NULL, version_id uuid NOT NULL,
         problem jsonb NOT NULL,
         meta jsonb NOT NULL,
         PRIMARY KEY (tenant_id, version_id),
         FOREIGN KEY (tenant_id, version_id) REFERENCES sch_versions (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE TABLE sch_version_orders (
         tenant_id uuid NOT NULL, version_id uuid NOT NULL, job integer NOT NULL,
         work_order_id uuid NOT NULL, work_order_no varchar(40) NOT NULL,
         item_code varchar(64) NOT NULL, item_name varchar(200) NOT NULL,
         qty numeric(18,6) NOT NULL, priority integer NOT NULL DEFAULT 0,
         due_date date, due_at timestamptz,
         start_at timestamptz NOT NULL, end_at timestamptz NOT NULL,
         lateness_minutes integer NOT NULL DEFAULT 0,
         late_cause jsonb,
         PRIMARY KEY (tenant_id, version_id, job),
         UNIQUE (tenant_id, version_id, work_order_id),
         FOREIGN KEY (tenant_id, version_id) REFERENCES sch_versions (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE TABLE sch_version_operations (
         tenant_id uuid NOT NULL, id uuid NOT NULL, version_id uuid NOT NULL,
         job integer NOT NULL, op_index integer NOT NULL,
         work_order_id uuid NOT NULL, seq integer NOT NULL, name varchar(100) NOT NULL,
         resource integer NOT NULL, resource_code varchar(60) NOT NULL, work_center_code varchar(40) NOT NULL,
         qty numeric(18,6) NOT NULL,
         setup_start timestamptz NOT NULL, start_at timestamptz NOT NULL, end_at timestamptz NOT NULL,
         setup_minutes integer NOT NULL DEFAULT 0,
         locked boolean NOT NULL DEFAULT false,
         started boolean NOT NULL DEFAULT false,
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, version_id, job, op_index),
         FOREIGN KEY (tenant_id, version_id) REFERENCES sch_versions (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX sch_version_operations_resource_idx
         ON sch_version_operations (tenant_id, version_id, work_center_code, start_at)`,
      `CREATE TABLE sch_item_families (
         tenant_id uuid NOT NULL, item_id uuid NOT NULL,
         family varchar(40) NOT NULL,
         PRIMARY KEY (tenant_id, item_id)
       )`,
      `CREATE TABLE sch_changeovers (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         work_center_code varchar(40),
         from_family varchar(40) NOT NULL, to_family varchar(40) NOT NULL,
         minutes integer NOT NULL CHECK (minutes BETWEEN 0 AND 10080),
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE UNIQUE INDEX sch_changeovers_key
         ON sch_changeovers (tenant_id, coalesce(work_center_code, ''), from_family, to_family)`,
      ...TABLES.flatMap((t) => tenantRlsSql(t)),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')} CASCADE`);
  }
}
