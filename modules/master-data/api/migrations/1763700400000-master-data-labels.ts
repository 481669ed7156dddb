import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';

/** Label rules: how item and location labels are encoded and sized. */
export class MasterDataLabels1763700400000 implements MigrationInterface {
  name = 'MasterDataLabels1763700400000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE md_label_rules (
         tenant_id uuid NOT NULL,
         target varchar(10) NOT NULL CHECK (target IN ('item', 'location')),
         symbology varchar(10) NOT NULL DEFAULT 'code128' CHECK (symbology IN ('code128', 'qrcode')),
         prefix varchar(10) NOT NULL DEFAULT '',
         width_mm numeric(6,2) NOT NULL DEFAULT 60 CHECK (width_mm BETWEEN 20 AND 200),
         height_mm numeric(6,2) NOT NULL DEFAULT 40 CHECK (height_mm BETWEEN 10 AND 200),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, target)
       )`,
      ...tenantRlsSql('md_label_rules'),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE md_label_rules`);
  }
}
