import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createArticleApi, type Article } from './api/article.api';
import { articleToForm, emptyArticleForm, formFieldOf, formToInput } from './data';
import { routes } from './routes';

const article: Article = {
  id: 'a1',
  title: '主轴异响处理',
  category: '故障处理',
  tags: ['数控', '主轴'],
  content: '1. 停机\n2. 检查轴承',
  status: 'published',
  createdAt: '2026-01-05T02:00:00Z',
  updatedAt: '2026-01-06T02:00:00Z',
};

describe('production-knowledge web', () => {
  it('turns the form into a request body: trimmed, tags de-duplicated', () => {
    expect(
      formToInput({
        title: '  标题 ',
        category: ' 作业指导 ',
        tags: [' a ', 'a', '', 'b'],
        content: 'x',
        status: 'draft',
      }),
    ).toEqual({ title: '标题', category: '作业指导', tags: ['a', 'b'], content: 'x', status: 'draft' });
    expect(emptyArticleForm()).toEqual({ title: '', category: '', tags: [], content: '', status: 'draft' });
    const form = articleToForm(article);
    form.tags.push('x');
    expect(article.tags).toEqual(['数控', '主轴']);
  });

  it('maps API field paths to form fields', () => {
    expect(formFieldOf('title')).toBe('title');
    expect(formFieldOf('tags[2]')).toBe('tags');
    expect(formFieldOf('tags[0].x')).toBe('tags');
  });

  it('declares its routes under /production-knowledge with the module key', () => {
    expect(routes.every((r) => r.path.startsWith('/production-knowledge'))).toBe(true);
    expect(routes.every((r) => r.meta?.module === 'production-knowledge')).toBe(true);
  });

  it('calls the article endpoints', async () => {
    const fake = createFakeFetch((call) =>
      call.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : jsonResponse(200, { items: [article], total: 1 }),
    );
    const api = createArticleApi(createHttpClient({ tokens: createMemoryTokenStore(), fetch: fake.fetch }));
    await api.list({ page: 2, pageSize: 20, q: ' 主轴 ', category: '', status: 'published' });
    await api.update('a1', { status: 'draft' });
    await api.remove('a1');
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET /api/v1/production-knowledge/articles?page=2&pageSize=20&q=${encodeURIComponent('主轴')}&status=published`,
      'PATCH /api/v1/production-knowledge/articles/a1',
      'DELETE /api/v1/production-knowledge/articles/a1',
    ]);
    expect(fake.calls[1]?.body).toEqual({ status: 'draft' });
  });
});
