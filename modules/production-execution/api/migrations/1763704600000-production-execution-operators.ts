import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';

/**
 * Operators of the shop floor (操作员): identified on a shared tablet by badge or PIN. The PIN is kept as
 * `scrypt$<salt hex>$<hash hex>` (node:crypto scrypt, 16-byte salt); the badge is unique per tenant.
 */
export class ProductionExecutionOperators1763704600000 implements MigrationInterface {
  name = 'ProductionExecutionOperators1763704600000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE pe_operators (
         tenant_id uuid NOT NULL, id uuid NOT NULL,
         code varchar(40) NOT NULL,
         name varchar(100) NOT NULL,
         badge varchar(100),
         pin_hash varchar(200),
         active boolean NOT NULL DEFAULT true,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, code), UNIQUE (tenant_id, badge)
       )`,
      ...tenantRlsSql('pe_operators'),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pe_operators`);
  }
}
