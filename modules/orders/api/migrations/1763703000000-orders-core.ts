import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';
import { SALES_ORDER_STATUSES, WORK_ORDER_REQUEST_STATUSES } from '@mes/shared';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Sales orders and their lines, the work-order requests made from them, shipping notices (each line
 * posted to the stock ledger as a sales issue) and sales returns. Items, customers and warehouses
 * are master-data ids; stock and reservations live in warehousing.
 */
export class OrdersCore1763703000000 implements MigrationInterface {
  name = 'OrdersCore1763703000000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE so_orders (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(24) NOT NULL,
         customer_id uuid NOT NULL,
         customer_po varchar(64) NOT NULL DEFAULT '',
         consignee_name varchar(64) NOT NULL DEFAULT '',
         consignee_phone varchar(32) NOT NULL DEFAULT '',
         consignee_address varchar(200) NOT NULL DEFAULT '',
         status varchar(20) NOT NULL CHECK (status IN (${list(SALES_ORDER_STATUSES)})),
         order_date date NOT NULL,
         warehouse_id uuid,
         note varchar(500) NOT NULL DEFAULT '',
         total numeric(18,2) NOT NULL DEFAULT 0,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         confirmed_at timestamptz, closed_at timestamptz,
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no)
       )`,
      `CREATE INDEX so_orders_customer_idx ON so_orders (tenant_id, customer_id, created_at)`,
      `CREATE INDEX so_orders_status_idx ON so_orders (tenant_id, status, created_at)`,
      `CREATE TABLE so_order_lines (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         order_id uuid NOT NULL,
         line_no integer NOT NULL CHECK (line_no > 0),
         item_id uuid NOT NULL,
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         unit_price numeric(18,4) NOT NULL CHECK (unit_price >= 0),
         amount numeric(18,2) NOT NULL,
         due_date date,
         note varchar(200) NOT NULL DEFAULT '',
         shipped_qty numeric(18,6) NOT NULL DEFAULT 0 CHECK (shipped_qty >= 0 AND shipped_qty <= qty),
         returned_qty numeric(18,6) NOT NULL DEFAULT 0 CHECK (returned_qty >= 0 AND returned_qty <= shipped_qty),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, order_id, line_no),
         FOREIGN KEY (tenant_id, order_id) REFERENCES so_orders (tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX so_order_lines_item_idx ON so_order_lines (tenant_id, item_id)`,
      `CREATE TABLE so_work_order_requests (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(24) NOT NULL,
         order_id uuid NOT NULL,
         line_id uuid NOT NULL,
         item_id uuid NOT NULL,
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         due_date date,
         status varchar(12) NOT NULL CHECK (status IN (${list(WORK_ORDER_REQUEST_STATUSES)})),
         work_order_ref varchar(100),
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no),
         FOREIGN KEY (tenant_id, order_id) REFERENCES so_orders (tenant_id, id),
         FOREIGN KEY (tenant_id, line_id) REFERENCES so_order_lines (tenant_id, id)
       )`,
      `CREATE INDEX so_work_order_requests_line_idx ON so_work_order_requests (tenant_id, line_id)`,
      `CREATE INDEX so_work_order_requests_status_idx ON so_work_order_requests (tenant_id, status, created_at)`,
      `CREATE TABLE so_shipments (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(24) NOT NULL,
         order_id uuid NOT NULL,
         consignee_name varchar(64) NOT NULL DEFAULT '',
         consignee_phone varchar(32) NOT NULL DEFAULT '',
         consignee_address varchar(200) NOT NULL DEFAULT '',
         note varchar(200) NOT NULL DEFAULT '',
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no),
         FOREIGN KEY (tenant_id, order_id) REFERENCES so_orders (tenant_id, id)
       )`,
      `CREATE INDEX so_shipments_order_idx ON so_shipments (tenant_id, order_id)`,
      `CREATE TABLE so_shipment_lines (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         shipment_id uuid NOT NULL,
         line_id uuid NOT NULL,
         seq integer NOT NULL,
         item_id uuid NOT NULL,
         warehouse_id uuid NOT NULL,
         lot_no varchar(64) NOT NULL DEFAULT '',
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         doc_no varchar(24) NOT NULL,
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, shipment_id) REFERENCES so_shipments (tenant_id, id),
         FOREIGN KEY (tenant_id, line_id) REFERENCES so_order_lines (tenant_id, id)
       )`,
      `CREATE INDEX so_shipment_lines_shipment_idx ON so_shipment_lines (tenant_id, shipment_id, seq)`,
      `CREATE INDEX so_shipment_lines_line_idx ON so_shipment_lines (tenant_id, line_id)`,
      `CREATE TABLE so_returns (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         no varchar(24) NOT NULL,
         order_id uuid NOT NULL,
         reason varchar(200) NOT NULL,
         doc_no varchar(24) NOT NULL,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, no),
         FOREIGN KEY (tenant_id, order_id) REFERENCES so_orders (tenant_id, id)
       )`,
      `CREATE INDEX so_returns_order_idx ON so_returns (tenant_id, order_id)`,
      `CREATE TABLE so_return_lines (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         return_id uuid NOT NULL,
         line_id uuid NOT NULL,
         seq integer NOT NULL,
         item_id uuid NOT NULL,
         warehouse_id uuid NOT NULL,
         lot_no varchar(64) NOT NULL DEFAULT '',
         qty numeric(18,6) NOT NULL CHECK (qty > 0),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, return_id) REFERENCES so_returns (tenant_id, id),
         FOREIGN KEY (tenant_id, line_id) REFERENCES so_order_lines (tenant_id, id)
       )`,
      `CREATE INDEX so_return_lines_return_idx ON so_return_lines (tenant_id, return_id, seq)`,
      ...tenantRlsSql('so_orders'),
      ...tenantRlsSql('so_order_lines'),
      ...tenantRlsSql('so_work_order_requests'),
      ...tenantRlsSql('so_shipments'),
      ...tenantRlsSql('so_shipment_lines'),
      ...tenantRlsSql('so_returns'),
      ...tenantRlsSql('so_return_lines'),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'so_return_lines',
      'so_returns',
      'so_shipment_lines',
      'so_shipments',
      'so_work_order_requests',
      'so_order_lines',
      'so_orders',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
