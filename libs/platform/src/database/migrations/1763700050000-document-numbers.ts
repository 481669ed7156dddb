import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '../tenant-rls.sql';

/** Per-tenant, per-prefix, per-day counters behind document numbers (RK20261121-0001). */
export class DocumentNumbers1763700050000 implements MigrationInterface {
  name = 'DocumentNumbers1763700050000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE document_counters (
         tenant_id uuid NOT NULL,
         prefix varchar(8) NOT NULL,
         day date NOT NULL,
         last integer NOT NULL,
         PRIMARY KEY (tenant_id, prefix, day)
       )`,
      ...tenantRlsSql('document_counters'),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_counters`);
  }
}
