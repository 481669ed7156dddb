import { ErrorCode, type LoginResponse } from '@mes/shared';
import { TenantsService } from '@mes/platform';
import { bearer, freshTenants, startTestApp, type TestApp } from './support/test-app';

interface Article {
  id: string;
  title: string;
  category: string;
  tags: string[];
  content: string;
  status: string;
}

describe('production-knowledge module: flow, isolation, bad input', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'ka', 'kb');
    for (const s of [a, b])
      await t
        .http()
        .post('/api/v1/subscriptions')
        .set(bearer(s.accessToken))
        .send({ moduleKey: 'production-knowledge' })
        .expect(201);
  });
  afterAll(() => t.close());

  const api = (s: LoginResponse) => ({
    post: (body: object) =>
      t.http().post('/api/v1/production-knowledge/articles').set(bearer(s.accessToken)).send(body),
    list: (query = '') =>
      t.http().get(`/api/v1/production-knowledge/articles${query}`).set(bearer(s.accessToken)),
    get: (id: string) =>
      t.http().get(`/api/v1/production-knowledge/articles/${id}`).set(bearer(s.accessToken)),
    patch: (id: string, body: object) =>
      t.http().patch(`/api/v1/production-knowledge/articles/${id}`).set(bearer(s.accessToken)).send(body),
    del: (id: string) =>
      t.http().delete(`/api/v1/production-knowledge/articles/${id}`).set(bearer(s.accessToken)),
  });

  it('creates, finds, edits, publishes and deletes an article', async () => {
    const created = (
      await api(a)
        .post({
          title: '  注塑机换模作业指导 ',
          category: '作业指导',
          tags: ['注塑', '换模', '注塑'],
          content: '1. 断电挂牌',
        })
        .expect(201)
    ).body as Article;
    expect(created).toMatchObject({ title: '注塑机换模作业指导', tags: ['注塑', '换模'], status: 'draft' });
    await api(a).post({ title: '空压机异响处理', category: '故障处理', content: '检查皮带张紧' }).expect(201);

    const byText = (await api(a).list('?q=换模').expect(200)).body as { items: Article[]; total: number };
    expect(byText.items.map((x) => x.id)).toEqual([created.id]);
    const byTag = (
      await api(a)
        .list(`?q=${encodeURIComponent('注塑')}`)
        .expect(200)
    ).body as { total: number };
    expect(byTag.total).toBe(1);
    const byCategory = (
      await api(a)
        .list(`?category=${encodeURIComponent('故障处理')}`)
        .expect(200)
    ).body as { items: Article[] };
    expect(byCategory.items.map((x) => x.title)).toEqual(['空压机异响处理']);
    const page = (await api(a).list('?page=2&pageSize=1').expect(200)).body as {
      items: Article[];
      total: number;
    };
    expect(page).toMatchObject({ total: 2, items: [expect.any(Object)] });

    const published = (
      await api(a).patch(created.id, { status: 'published', content: '1. 断电挂牌\n2. 换模' }).expect(200)
    ).body as Article;
    expect(published).toMatchObject({ status: 'published', title: '注塑机换模作业指导' });
    expect(((await api(a).list('?status=published').expect(200)).body as { total: number }).total).toBe(1);
    await api(a).del(created.id).expect(204);
    await api(a).get(created.id).expect(404);
  });

  it("hides another tenant's articles (404) and refuses to write them", async () => {
    const secret = (await api(a).post({ title: 'A厂工艺秘方', category: '工艺' }).expect(201))
      .body as Article;
    const seen = await api(b).get(secret.id).expect(404);
    expect(seen.body).toMatchObject({ code: ErrorCode.NOT_FOUND });
    await api(b).patch(secret.id, { title: '被篡改' }).expect(404);
    await api(b).del(secret.id).expect(404);
    expect(((await api(b).list('?q=秘方').expect(200)).body as { total: number }).total).toBe(0);
    expect(((await api(a).get(secret.id).expect(200)).body as Article).title).toBe('A厂工艺秘方');
  });

  it('answers bad input with 400 naming the field, never 500', async () => {
    const cases: [object, string][] = [
      [{ category: 'x' }, 'title'],
      [{ title: '', category: 'x' }, 'title'],
      [{ title: 'x'.repeat(100_000), category: 'x' }, 'title'],
      [{ title: 123, category: 'x' }, 'title'],
      [{ title: 'x', category: 'x', tags: 'not-an-array' }, 'tags'],
      [{ title: 'x', category: 'x', tags: [1, 2] }, 'tags'],
      [{ title: 'x', category: 'x', status: 'archived' }, 'status'],
      [{ title: 'x', category: 'x', content: 'y'.repeat(20_001) }, 'content'],
      [{ title: 'x', category: 'x', tenantId: b.tenant!.id }, 'tenantId'],
    ];
    for (const [body, field] of cases) {
      const res = await api(a).post(body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(
        (res.body as { code: string; details: { field: string }[] }).details.map((d) => d.field),
      ).toContain(field);
    }
    await api(a).list('?pageSize=0').expect(400);
    await api(a).get('not-a-uuid').expect(404);
  });

  it('lets operators read but not write', async () => {
    await t.app.get(TenantsService).addMember(a.tenant!.id, {
      email: `op-${suffix}@x.test`,
      name: '操作工',
      password: 'Password#1',
      roles: ['operator'],
    });
    const operator = await t.login({ email: `op-${suffix}@x.test`, password: 'Password#1' });
    await api(operator).list().expect(200);
    await api(operator).post({ title: 'x', category: 'x' }).expect(403);
  });
});
