import { http, type HttpClient } from '@mes/web-core';

export type ArticleStatus = 'draft' | 'published';

/** An article of the factory's knowledge base (work instruction, fault fix, tip...). */
export interface Article {
  id: string;
  title: string;
  category: string;
  tags: string[];
  content: string;
  status: ArticleStatus;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleQuery {
  page?: number;
  pageSize?: number;
  /** Full-text search in title, content and tags. */
  q?: string;
  category?: string;
  status?: ArticleStatus | '';
}

export interface ArticleInput {
  /** 1..200 characters. */
  title: string;
  /** 1..50 characters. */
  category: string;
  tags?: string[];
  /** At most 20000 characters. */
  content: string;
  status?: ArticleStatus;
}

export interface ArticlePage {
  items: Article[];
  total: number;
}

const BASE = '/production-knowledge/articles';

/** Typed client of `/api/v1/production-knowledge/articles`. */
export function createArticleApi(client: HttpClient = http) {
  const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
  return {
    list: (query: ArticleQuery = {}) =>
      client.get<ArticlePage>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        q: query.q?.trim(),
        category: query.category,
        status: query.status,
      }),
    get: (id: string) => client.get<Article>(one(id)),
    /** `idempotencyKey`: the same key for a re-sent identical create makes it apply once. */
    create: (input: ArticleInput, idempotencyKey?: string) =>
      client.post<Article>(BASE, input, {
        silent: true,
        ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
      }),
    update: (id: string, patch: Partial<ArticleInput>) =>
      client.patch<Article>(one(id), patch, { silent: true }),
    remove: (id: string) => client.delete(one(id)),
  };
}

export type ArticleApi = ReturnType<typeof createArticleApi>;
export const articleApi: ArticleApi = createArticleApi();
