import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';
import { newId } from '@mes/shared';
import { STANDARD_UNITS } from '../unit/standard-units';

const TABLES = [
  'md_units',
  'md_warehouses',
  'md_locations',
  'md_items',
  'md_item_units',
  'md_partners',
  'md_boms',
  'md_bom_lines',
];

/** Units, items with unit conversions, warehouses and locations, customers and suppliers, BOMs. */
export class MasterDataCore1763700200000 implements MigrationInterface {
  name = 'MasterDataCore1763700200000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE md_units (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         code varchar(20) NOT NULL, name varchar(50) NOT NULL,
         precision smallint NOT NULL DEFAULT 0 CHECK (precision BETWEEN 0 AND 6),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE UNIQUE INDEX md_units_code_key ON md_units (tenant_id, lower(code))`,
      `CREATE TABLE md_warehouses (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         code varchar(40) NOT NULL, name varchar(100) NOT NULL, address varchar(200) NOT NULL DEFAULT '',
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, code)
       )`,
      `CREATE TABLE md_locations (
         tenant_id uuid NOT NULL, id uuid NOT NULL, warehouse_id uuid NOT NULL,
         code varchar(40) NOT NULL, name varchar(100) NOT NULL,
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, warehouse_id, code),
         FOREIGN KEY (tenant_id, warehouse_id) REFERENCES md_warehouses (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE TABLE md_items (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         code varchar(64) NOT NULL, name varchar(200) NOT NULL, spec varchar(200) NOT NULL DEFAULT '',
         type varchar(16) NOT NULL CHECK (type IN ('raw', 'semi', 'finished', 'consumable', 'spare')),
         base_unit_id uuid NOT NULL,
         make_or_buy varchar(4) NOT NULL CHECK (make_or_buy IN ('make', 'buy')),
         lead_time_days integer NOT NULL DEFAULT 0 CHECK (lead_time_days BETWEEN 0 AND 3650),
         safety_stock numeric(18,6) NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
         lot_sizing jsonb NOT NULL DEFAULT '{"rule":"LFL"}',
         lot_tracked boolean NOT NULL DEFAULT false,
         barcode varchar(128),
         default_warehouse_id uuid,
         inspection_required boolean NOT NULL DEFAULT false,
         status varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'obsolete')),
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, code),
         FOREIGN KEY (tenant_id, base_unit_id) REFERENCES md_units (tenant_id, id),
         FOREIGN KEY (tenant_id, default_warehouse_id) REFERENCES md_warehouses (tenant_id, id)
       )`,
      `CREATE UNIQUE INDEX md_items_barcode_key ON md_items (tenant_id, barcode) WHERE barcode IS NOT NULL`,
      `CREATE INDEX md_items_name_idx ON md_items (tenant_id, name)`,
      `CREATE TABLE md_item_units (
         tenant_id uuid NOT NULL, item_id uuid NOT NULL, unit_id uuid NOT NULL,
         factor numeric(18,6) NOT NULL CHECK (factor > 0),
         PRIMARY KEY (tenant_id, item_id, unit_id),
         FOREIGN KEY (tenant_id, item_id) REFERENCES md_items (tenant_id, id) ON DELETE CASCADE,
         FOREIGN KEY (tenant_id, unit_id) REFERENCES md_units (tenant_id, id)
       )`,
      `CREATE TABLE md_partners (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         kind varchar(10) NOT NULL CHECK (kind IN ('customer', 'supplier')),
         code varchar(40) NOT NULL, name varchar(200) NOT NULL,
         tax_id varchar(40) NOT NULL DEFAULT '', address varchar(300) NOT NULL DEFAULT '',
         payment_terms varchar(100) NOT NULL DEFAULT '', contacts jsonb NOT NULL DEFAULT '[]',
         status varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, kind, code)
       )`,
      `CREATE TABLE md_boms (
         tenant_id uuid NOT NULL, id uuid NOT NULL, item_id uuid NOT NULL,
         version varchar(20) NOT NULL,
         is_default boolean NOT NULL DEFAULT false,
         status varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'obsolete')),
         order_ref varchar(64),
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, item_id, version),
         FOREIGN KEY (tenant_id, item_id) REFERENCES md_items (tenant_id, id)
       )`,
      `CREATE UNIQUE INDEX md_boms_one_default ON md_boms (tenant_id, item_id) WHERE is_default`,
      `CREATE TABLE md_bom_lines (
         tenant_id uuid NOT NULL, id uuid NOT NULL, bom_id uuid NOT NULL,
         seq integer NOT NULL, item_id uuid NOT NULL,
         qty_per numeric(18,6) NOT NULL CHECK (qty_per > 0),
         scrap_rate numeric(9,6) NOT NULL DEFAULT 0 CHECK (scrap_rate >= 0 AND scrap_rate < 1),
         operation_seq integer,
         valid_from date, valid_to date,
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, bom_id, seq),
         CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
         FOREIGN KEY (tenant_id, bom_id) REFERENCES md_boms (tenant_id, id) ON DELETE CASCADE,
         FOREIGN KEY (tenant_id, item_id) REFERENCES md_items (tenant_id, id)
       )`,
      `CREATE INDEX md_bom_lines_item_idx ON md_bom_lines (tenant_id, item_id)`,
      ...TABLES.flatMap((t) => tenantRlsSql(t)),
    ];
    for (const sql of statements) await q.query(sql);
    // Tenants that exist already get the standard units new tenants get from the hook.
    const tenants = (await q.query(`SELECT id FROM platform.tenants`)) as { id: string }[];
    for (const { id } of tenants) {
      await q.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
      for (const unit of STANDARD_UNITS) {
        await q.query(
          `INSERT INTO md_units (tenant_id, id, code, name, precision) VALUES ($1, $2, $3, $4, $5)`,
          [id, newId(), unit.code, unit.name, unit.precision],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')} CASCADE`);
  }
}
