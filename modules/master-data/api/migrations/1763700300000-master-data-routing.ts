import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';

const TABLES = [
  'md_calendars',
  'md_work_centers',
  'md_routings',
  'md_routing_operations',
  'md_operation_alternatives',
];

/** Shift calendars, work centers and routings (工艺路线) with alternative work centers. */
export class MasterDataRouting1763700300000 implements MigrationInterface {
  name = 'MasterDataRouting1763700300000';

  async up(q: QueryRunner): Promise<void> {
    const minutes = (name: string) => `${name} numeric(18,6) NOT NULL DEFAULT 0 CHECK (${name} >= 0)`;
    const statements = [
      `CREATE TABLE md_calendars (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         code varchar(40) NOT NULL, name varchar(100) NOT NULL, definition jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, code)
       )`,
      `CREATE TABLE md_work_centers (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         code varchar(40) NOT NULL, name varchar(100) NOT NULL,
         kind varchar(10) NOT NULL DEFAULT 'machine' CHECK (kind IN ('machine', 'line', 'crew', 'manual')),
         parallel_capacity integer NOT NULL DEFAULT 1 CHECK (parallel_capacity BETWEEN 1 AND 1000),
         efficiency numeric(6,4) NOT NULL DEFAULT 1 CHECK (efficiency > 0 AND efficiency <= 10),
         calendar_id uuid,
         status varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, code),
         FOREIGN KEY (tenant_id, calendar_id) REFERENCES md_calendars (tenant_id, id)
       )`,
      `CREATE TABLE md_routings (
         tenant_id uuid NOT NULL, id uuid NOT NULL, item_id uuid NOT NULL,
         version varchar(20) NOT NULL, is_default boolean NOT NULL DEFAULT false,
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, item_id, version),
         FOREIGN KEY (tenant_id, item_id) REFERENCES md_items (tenant_id, id)
       )`,
      `CREATE UNIQUE INDEX md_routings_one_default ON md_routings (tenant_id, item_id) WHERE is_default`,
      `CREATE TABLE md_routing_operations (
         tenant_id uuid NOT NULL, id uuid NOT NULL, routing_id uuid NOT NULL,
         seq integer NOT NULL CHECK (seq > 0), name varchar(100) NOT NULL,
         work_center_id uuid NOT NULL,
         ${minutes('setup_minutes')}, ${minutes('run_minutes')}, ${minutes('queue_minutes')}, ${minutes('move_minutes')},
         skill varchar(50) NOT NULL DEFAULT '',
         inspection_point boolean NOT NULL DEFAULT false,
         sop_url varchar(500) NOT NULL DEFAULT '',
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, routing_id, seq),
         FOREIGN KEY (tenant_id, routing_id) REFERENCES md_routings (tenant_id, id) ON DELETE CASCADE,
         FOREIGN KEY (tenant_id, work_center_id) REFERENCES md_work_centers (tenant_id, id)
       )`,
      `CREATE TABLE md_operation_alternatives (
         tenant_id uuid NOT NULL, operation_id uuid NOT NULL, work_center_id uuid NOT NULL,
         ${minutes('run_minutes')},
         PRIMARY KEY (tenant_id, operation_id, work_center_id),
         FOREIGN KEY (tenant_id, operation_id) REFERENCES md_routing_operations (tenant_id, id) ON DELETE CASCADE,
         FOREIGN KEY (tenant_id, work_center_id) REFERENCES md_work_centers (tenant_id, id)
       )`,
      ...TABLES.flatMap((t) => tenantRlsSql(t)),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')} CASCADE`);
  }
}
