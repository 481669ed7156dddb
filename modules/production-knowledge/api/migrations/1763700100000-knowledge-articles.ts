import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from '@mes/platform';

export class KnowledgeArticles1763700100000 implements MigrationInterface {
  name = 'KnowledgeArticles1763700100000';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE knowledge_articles (
         tenant_id uuid NOT NULL,
         id uuid NOT NULL,
         title varchar(200) NOT NULL,
         category varchar(50) NOT NULL,
         tags text[] NOT NULL DEFAULT '{}',
         content text NOT NULL DEFAULT '' CHECK (length(content) <= 20000),
         status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
         created_by uuid,
         updated_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE INDEX knowledge_articles_category_idx ON knowledge_articles (tenant_id, category, updated_at DESC)`,
      ...tenantRlsSql('knowledge_articles'),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE knowledge_articles`);
  }
}
