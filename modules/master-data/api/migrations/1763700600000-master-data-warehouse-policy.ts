import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Warehouses say whether their stock may go negative (default: never). */
export class MasterDataWarehousePolicy1763700600000 implements MigrationInterface {
  name = 'MasterDataWarehousePolicy1763700600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE md_warehouses ADD COLUMN allow_negative_stock boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE md_warehouses DROP COLUMN allow_negative_stock`);
  }
}
