import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work-order requests planned by MRP (firmed planned make orders) have no sales order line: the
 * order link becomes optional, `source` says where a request came from and `source_ref` names the
 * planned order it was firmed from.
 */
export class OrdersMrpRequests1763703100000 implements MigrationInterface {
  name = 'OrdersMrpRequests1763703100000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `ALTER TABLE so_work_order_requests ALTER COLUMN order_id DROP NOT NULL`,
      `ALTER TABLE so_work_order_requests ALTER COLUMN line_id DROP NOT NULL`,
      `ALTER TABLE so_work_order_requests
         ADD COLUMN source varchar(8) NOT NULL DEFAULT 'order' CHECK (source IN ('order', 'mrp')),
         ADD COLUMN source_ref varchar(100),
         ADD CONSTRAINT so_work_order_requests_source_link
           CHECK (source = 'mrp' OR (order_id IS NOT NULL AND line_id IS NOT NULL))`,
    ])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM so_work_order_requests WHERE source = 'mrp'`);
    await q.query(
      `ALTER TABLE so_work_order_requests DROP CONSTRAINT so_work_order_requests_source_link,
         DROP COLUMN source_ref, DROP COLUMN source,
         ALTER COLUMN order_id SET NOT NULL, ALTER COLUMN line_id SET NOT NULL`,
    );
  }
}
