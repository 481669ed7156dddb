import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';
import { MOVEMENT_TYPES } from '@mes/shared';

const types = MOVEMENT_TYPES.map((t) => `'${t}'`).join(', ');

/**
 * The stock ledger: append-only movements, one balance row per (item, warehouse, location, lot)
 * kept equal to the sum of its movements in the same transaction, reservations against balances,
 * and stocktake sheets with their frozen book quantities.
 */
export class WarehousingLedger1763701000000 implements MigrationInterface {
  name = 'WarehousingLedger1763701000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE wh_balances (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         item_id uuid NOT NULL, warehouse_id uuid NOT NULL, location_id uuid,
         lot_no varchar(64) NOT NULL DEFAULT '',
         on_hand numeric(18,6) NOT NULL DEFAULT 0,
         reserved numeric(18,6) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
         held boolean NOT NULL DEFAULT false,
         first_in_at timestamptz NOT NULL DEFAULT now(),
         last_movement_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         CONSTRAINT wh_balances_key UNIQUE NULLS NOT DISTINCT (tenant_id, item_id, warehouse_id, location_id, lot_no)
       )`,
      `CREATE INDEX wh_balances_warehouse_idx ON wh_balances (tenant_id, warehouse_id, item_id)`,
      `CREATE TABLE wh_movements (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         seq bigint GENERATED ALWAYS AS IDENTITY,
         doc_no varchar(24) NOT NULL,
         type varchar(24) NOT NULL CHECK (type IN (${types})),
         balance_id uuid NOT NULL,
         item_id uuid NOT NULL, warehouse_id uuid NOT NULL, location_id uuid,
         lot_no varchar(64) NOT NULL DEFAULT '',
         qty numeric(18,6) NOT NULL CHECK (qty <> 0),
         ref varchar(100), reservation_id uuid,
         note varchar(200) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, balance_id) REFERENCES wh_balances (tenant_id, id)
       )`,
      `CREATE INDEX wh_movements_balance_idx ON wh_movements (tenant_id, balance_id, created_at)`,
      `CREATE INDEX wh_movements_item_idx ON wh_movements (tenant_id, item_id, created_at)`,
      `CREATE INDEX wh_movements_time_idx ON wh_movements (tenant_id, created_at, seq)`,
      `CREATE INDEX wh_movements_doc_idx ON wh_movements (tenant_id, doc_no)`,
      `CREATE INDEX wh_movements_ref_idx ON wh_movements (tenant_id, ref) WHERE ref IS NOT NULL`,
      `CREATE TABLE wh_reservations (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         balance_id uuid NOT NULL,
         item_id uuid NOT NULL, warehouse_id uuid NOT NULL, location_id uuid,
         lot_no varchar(64) NOT NULL DEFAULT '',
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         open_qty numeric(18,6) NOT NULL CHECK (open_qty >= 0 AND open_qty <= qty),
         demand_type varchar(16) NOT NULL CHECK (demand_type IN ('sales_order', 'work_order', 'other')),
         demand_ref varchar(100) NOT NULL,
         status varchar(12) NOT NULL CHECK (status IN ('open', 'consumed', 'released')),
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, balance_id) REFERENCES wh_balances (tenant_id, id)
       )`,
      `CREATE INDEX wh_reservations_demand_idx ON wh_reservations (tenant_id, demand_type, demand_ref)`,
      `CREATE INDEX wh_reservations_open_idx ON wh_reservations (tenant_id, item_id) WHERE status = 'open'`,
      `CREATE TABLE wh_stocktakes (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(24) NOT NULL,
         warehouse_id uuid NOT NULL, location_id uuid,
         item_ids uuid[] NOT NULL DEFAULT '{}',
         status varchar(12) NOT NULL CHECK (status IN ('counting', 'posted', 'cancelled')),
         note varchar(200) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         posted_at timestamptz, posted_doc_no varchar(24),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no)
       )`,
      `CREATE TABLE wh_stocktake_lines (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         stocktake_id uuid NOT NULL,
         item_id uuid NOT NULL, location_id uuid,
         lot_no varchar(64) NOT NULL DEFAULT '',
         frozen_qty numeric(18,6) NOT NULL,
         counted_qty numeric(18,6) CHECK (counted_qty >= 0),
         counted_by uuid, counted_at timestamptz,
         PRIMARY KEY (tenant_id, id),
         CONSTRAINT wh_stocktake_lines_key UNIQUE NULLS NOT DISTINCT (tenant_id, stocktake_id, item_id, location_id, lot_no),
         FOREIGN KEY (tenant_id, stocktake_id) REFERENCES wh_stocktakes (tenant_id, id) ON DELETE CASCADE
       )`,
      ...tenantRlsSql('wh_balances'),
      ...tenantRlsSql('wh_movements'),
      ...tenantRlsSql('wh_reservations'),
      ...tenantRlsSql('wh_stocktakes'),
      ...tenantRlsSql('wh_stocktake_lines'),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['wh_stocktake_lines', 'wh_stocktakes', 'wh_reservations', 'wh_movements', 'wh_balances'])
      await q.query(`DROP TABLE ${t}`);
  }
}
