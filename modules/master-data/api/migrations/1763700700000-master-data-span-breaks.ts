import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing operations say whether their work may pause over a break or the end of a shift (default
 * yes); one that may not (a heat treatment, a cure, a weld pass) must fit in one working window.
 */
export class MasterDataSpanBreaks1763700700000 implements MigrationInterface {
  name = 'MasterDataSpanBreaks1763700700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE md_routing_operations ADD COLUMN span_breaks boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE md_routing_operations DROP COLUMN span_breaks`);
  }
}
