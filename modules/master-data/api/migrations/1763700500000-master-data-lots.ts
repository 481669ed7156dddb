import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';

/** Lot (batch) master records, and lot labels. */
export class MasterDataLots1763700500000 implements MigrationInterface {
  name = 'MasterDataLots1763700500000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE md_lots (
         tenant_id uuid NOT NULL, id uuid NOT NULL, item_id uuid NOT NULL,
         lot_no varchar(64) NOT NULL,
         supplier_lot varchar(64) NOT NULL DEFAULT '',
         supplier_id uuid,
         manufactured_on date, expires_on date,
         note varchar(200) NOT NULL DEFAULT '',
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, item_id, lot_no),
         CHECK (expires_on IS NULL OR manufactured_on IS NULL OR expires_on >= manufactured_on),
         FOREIGN KEY (tenant_id, item_id) REFERENCES md_items (tenant_id, id),
         FOREIGN KEY (tenant_id, supplier_id) REFERENCES md_partners (tenant_id, id)
       )`,
      `CREATE INDEX md_lots_lot_no_idx ON md_lots (tenant_id, lot_no)`,
      ...tenantRlsSql('md_lots'),
      `ALTER TABLE md_label_rules DROP CONSTRAINT md_label_rules_target_check`,
      `ALTER TABLE md_label_rules ADD CONSTRAINT md_label_rules_target_check CHECK (target IN ('item', 'location', 'lot'))`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM md_label_rules WHERE target = 'lot'`);
    await q.query(`ALTER TABLE md_label_rules DROP CONSTRAINT md_label_rules_target_check`);
    await q.query(
      `ALTER TABLE md_label_rules ADD CONSTRAINT md_label_rules_target_check CHECK (target IN ('item', 'location'))`,
    );
    await q.query(`DROP TABLE md_lots`);
  }
}
