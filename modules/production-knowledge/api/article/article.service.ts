import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { NotFoundError, TenantDb, type Actor } from '@mes/platform';
import { newId } from '@mes/shared';
import type { ArticleQueryDto, ArticleView, CreateArticleDto, UpdateArticleDto } from './article.dto';
import { ArticleEntity } from './article.entity';

function toView(a: ArticleEntity): ArticleView {
  return {
    id: a.id,
    title: a.title,
    category: a.category,
    tags: a.tags,
    content: a.content,
    status: a.status,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

const notFound = () => new NotFoundError('知识文章 / article');

/** Knowledge articles of the current tenant (row-level security scopes every query). */
@Injectable()
export class ArticleService {
  constructor(private readonly db: TenantDb) {}

  async list(query: ArticleQueryDto): Promise<{ items: ArticleView[]; total: number }> {
    const qb = this.db.manager.getRepository(ArticleEntity).createQueryBuilder('a');
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where('a.title ILIKE :like', { like })
            .orWhere('a.content ILIKE :like', { like })
            .orWhere(':q = ANY(a.tags)', { q: query.q });
        }),
      );
    }
    if (query.category) qb.andWhere('a.category = :category', { category: query.category });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), total };
  }

  async get(id: string): Promise<ArticleView> {
    const row = await this.db.manager.findOneBy(ArticleEntity, { id });
    if (!row) throw notFound();
    return toView(row);
  }

  async create(actor: Actor & { tenantId: string }, dto: CreateArticleDto): Promise<ArticleView> {
    const now = new Date();
    const row = this.db.manager.create(ArticleEntity, {
      tenantId: actor.tenantId,
      id: newId(),
      title: dto.title,
      category: dto.category,
      tags: [...new Set(dto.tags ?? [])],
      content: dto.content ?? '',
      status: dto.status ?? 'draft',
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.manager.insert(ArticleEntity, row);
    return toView(row);
  }

  async update(actor: Actor, id: string, dto: UpdateArticleDto): Promise<ArticleView> {
    const row = await this.db.manager.findOne(ArticleEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw notFound();
    Object.assign(row, {
      ...(dto.title !== undefined && { title: dto.title }),
      ...(dto.category !== undefined && { category: dto.category }),
      ...(dto.tags !== undefined && { tags: [...new Set(dto.tags)] }),
      ...(dto.content !== undefined && { content: dto.content }),
      ...(dto.status !== undefined && { status: dto.status }),
      updatedBy: actor.userId,
      updatedAt: new Date(),
    });
    await this.db.manager.save(ArticleEntity, row);
    return toView(row);
  }

  async remove(id: string): Promise<void> {
    const result = await this.db.manager.delete(ArticleEntity, { id });
    if (!result.affected) throw notFound();
  }
}
