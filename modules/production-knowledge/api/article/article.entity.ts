import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ArticleStatus = 'draft' | 'published';

@Entity({ name: 'knowledge_articles' })
export class ArticleEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') title!: string;
  @Column('varchar') category!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('text') content!: string;
  @Column('varchar') status!: ArticleStatus;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
