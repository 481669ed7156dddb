import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';

const TABLES = [
  'pur_receipt_lines',
  'pur_receipts',
  'pur_requisitions',
  'pur_order_lines',
  'pur_orders',
  'pur_prices',
  'pur_buyers',
];

/**
 * 采购管理: buyers, supplier price lists, the to-buy list, purchase orders with their lines, and the
 * receipts / returns posted against them (each one a warehousing ledger document).
 */
export class PurchasingCore1763702000000 implements MigrationInterface {
  name = 'PurchasingCore1763702000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE pur_buyers (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         code varchar(40) NOT NULL, name varchar(100) NOT NULL,
         phone varchar(40) NOT NULL DEFAULT '', email varchar(200) NOT NULL DEFAULT '',
         active boolean NOT NULL DEFAULT true,
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, code)
       )`,
      `CREATE TABLE pur_prices (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         supplier_id uuid NOT NULL, item_id uuid NOT NULL,
         unit_price numeric(18,4) NOT NULL CHECK (unit_price >= 0),
         currency varchar(3) NOT NULL DEFAULT 'CNY',
         min_qty numeric(18,6) NOT NULL DEFAULT 0 CHECK (min_qty >= 0),
         valid_from date NOT NULL, valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
         note varchar(200) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE INDEX pur_prices_item_idx ON pur_prices (tenant_id, item_id, supplier_id, valid_from)`,
      `CREATE TABLE pur_orders (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(24) NOT NULL,
         supplier_id uuid NOT NULL, buyer_id uuid,
         status varchar(20) NOT NULL CHECK (status IN ('draft', 'approved', 'partially_received', 'received', 'closed', 'cancelled')),
         order_date date NOT NULL, expected_date date,
         warehouse_id uuid,
         tolerance_pct numeric(5,2) NOT NULL DEFAULT 0 CHECK (tolerance_pct >= 0 AND tolerance_pct <= 100),
         currency varchar(3) NOT NULL DEFAULT 'CNY',
         total_amount numeric(18,2) NOT NULL DEFAULT 0,
         note varchar(500) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         approved_by uuid, approved_at timestamptz, closed_at timestamptz, cancelled_at timestamptz,
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no),
         FOREIGN KEY (tenant_id, buyer_id) REFERENCES pur_buyers (tenant_id, id)
       )`,
      `CREATE INDEX pur_orders_supplier_idx ON pur_orders (tenant_id, supplier_id, order_date)`,
      `CREATE INDEX pur_orders_status_idx ON pur_orders (tenant_id, status, order_date)`,
      `CREATE TABLE pur_order_lines (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         order_id uuid NOT NULL, line_no integer NOT NULL CHECK (line_no > 0),
         item_id uuid NOT NULL,
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         unit_price numeric(18,4) NOT NULL CHECK (unit_price >= 0),
         amount numeric(18,2) NOT NULL,
         due_date date,
         received_qty numeric(18,6) NOT NULL DEFAULT 0 CHECK (received_qty >= 0),
         returned_qty numeric(18,6) NOT NULL DEFAULT 0 CHECK (returned_qty >= 0 AND returned_qty <= received_qty),
         note varchar(200) NOT NULL DEFAULT '',
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, order_id, line_no),
         FOREIGN KEY (tenant_id, order_id) REFERENCES pur_orders (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX pur_order_lines_item_idx ON pur_order_lines (tenant_id, item_id)`,
      `CREATE TABLE pur_requisitions (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         item_id uuid NOT NULL,
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         need_by date,
         source varchar(10) NOT NULL CHECK (source IN ('manual', 'mrp')),
         status varchar(10) NOT NULL CHECK (status IN ('open', 'ordered', 'cancelled')),
         supplier_id uuid,
         order_id uuid,
         note varchar(200) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, order_id) REFERENCES pur_orders (tenant_id, id)
       )`,
      `CREATE INDEX pur_requisitions_status_idx ON pur_requisitions (tenant_id, status, need_by)`,
      `CREATE TABLE pur_receipts (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(24) NOT NULL,
         kind varchar(10) NOT NULL CHECK (kind IN ('receipt', 'return')),
         order_id uuid NOT NULL,
         doc_no varchar(24) NOT NULL,
         note varchar(200) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no),
         FOREIGN KEY (tenant_id, order_id) REFERENCES pur_orders (tenant_id, id)
       )`,
      `CREATE INDEX pur_receipts_order_idx ON pur_receipts (tenant_id, order_id, created_at)`,
      `CREATE TABLE pur_receipt_lines (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         receipt_id uuid NOT NULL,
         line_no integer NOT NULL,
         item_id uuid NOT NULL,
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         lot_no varchar(64) NOT NULL DEFAULT '',
         warehouse_id uuid NOT NULL, location_id uuid,
         held boolean NOT NULL DEFAULT false,
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, receipt_id) REFERENCES pur_receipts (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX pur_receipt_lines_receipt_idx ON pur_receipt_lines (tenant_id, receipt_id)`,
      ...TABLES.slice()
        .reverse()
        .flatMap((t) => tenantRlsSql(t)),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`DROP TABLE ${t}`);
  }
}
