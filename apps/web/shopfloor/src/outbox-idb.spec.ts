import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { byOrder, Outbox, type OutboxEntry, type OutboxStore, type SendOutcome } from './outbox';
import { openIdbOutboxStore } from './outbox-idb';

/** A fake server: applies each Idempotency-Key once (like the platform), can be switched offline. */
function fakeServer() {
  const applied = new Map<string, unknown>();
  /** Every key the outbox tried to send, online or not. */
  const calls: string[] = [];
  /** The keys sent while online (what reached the server). */
  const received: string[] = [];
  let offline = false;
  const send = (e: OutboxEntry): Promise<SendOutcome> => {
    calls.push(e.idempotencyKey);
    if (offline) return Promise.resolve({ kind: 'offline' });
    received.push(e.idempotencyKey);
    if (!applied.has(e.idempotencyKey)) applied.set(e.idempotencyKey, e.body);
    return Promise.resolve({ kind: 'ok', body: { applied: applied.get(e.idempotencyKey) } });
  };
  return {
    send,
    applied,
    calls,
    received,
    setOffline: (v: boolean) => {
      offline = v;
    },
  };
}

function entry(overrides: Partial<OutboxEntry> & Pick<OutboxEntry, 'id'>): OutboxEntry {
  return {
    idempotencyKey: `key-${overrides.id}`,
    method: 'POST',
    path: '/production-execution/work-orders/w1/reports',
    body: { operationSeq: 10, goodQty: '5', scrap: [{ reason: 'burr', qty: '0.5' }], note: null },
    createdAt: 1_700_000_000_000,
    seq: 1,
    status: 'pending',
    error: null,
    attempts: 0,
    label: 'GD20261121-001 · 报工 10 · 良品 5',
    workOrderId: 'w1',
    ...overrides,
  };
}

const report = (good: string) => ({
  path: '/production-execution/work-orders/w1/reports',
  body: { operationSeq: 10, goodQty: good },
  label: `report ${good}`,
  workOrderId: 'w1',
});

/** An Outbox on the IndexedDB store with deterministic ids and clock (ids continue across "reloads"). */
function outboxOn(store: OutboxStore, send: (e: OutboxEntry) => Promise<SendOutcome>, ids: { n: number }) {
  let clock = 5000;
  return new Outbox(store, send, {
    newId: () => `id-${++ids.n}`,
    now: () => (clock += 1),
  });
}

describe('IndexedDB outbox store', () => {
  it('lists back every entry put, with every field intact', async () => {
    const store = await openIdbOutboxStore(new IDBFactory());
    // Key (id) order is the reverse of the send order: the store promises no order, the Outbox sorts.
    const first = entry({ id: 'c', createdAt: 1000, seq: 1 });
    const second = entry({
      id: 'b',
      idempotencyKey: 'k-second',
      method: 'PUT',
      path: '/production-execution/work-orders/w2/pause',
      body: { reason: '换模', minutes: 15, tags: ['a', 'b'], nested: { ok: true } },
      createdAt: 1000,
      seq: 2,
      status: 'conflict',
      error: {
        status: 409,
        code: 'OVER_REPORT',
        message: 'too much',
        details: [{ field: 'goodQty', message: '', operationSeq: 10, allowed: '12', requested: '99' }],
      },
      attempts: 1,
      label: 'GD20261121-002 · 暂停',
      workOrderId: null,
    });
    const third = entry({
      id: 'a',
      idempotencyKey: 'k-third',
      createdAt: 2000,
      seq: 3,
      status: 'done',
      attempts: 2,
      result: { id: 'r1', goodQty: '5' },
    });
    await store.put(first);
    await store.put(second);
    await store.put(third);

    const all = await store.all();
    expect(all).toHaveLength(3);
    expect([...all].sort(byOrder)).toEqual([first, second, third]);
    expect(all.map((e) => e.id).sort()).toEqual(['a', 'b', 'c']);

    // An Outbox loading the store lists them in send order (createdAt, then seq), not key order.
    const box = new Outbox(store, () => Promise.resolve({ kind: 'offline' }));
    await box.load();
    expect(box.list.map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });

  it('stores a copy: changing an entry after put (or a listed one) does not change the stored row', async () => {
    const store = await openIdbOutboxStore(new IDBFactory());
    const e = entry({ id: 'x' });
    await store.put(e);
    e.status = 'done';
    (e.body as { goodQty: string }).goodQty = '999';

    const [listed] = await store.all();
    expect(listed?.status).toBe('pending');
    expect(listed?.body).toEqual({
      operationSeq: 10,
      goodQty: '5',
      scrap: [{ reason: 'burr', qty: '0.5' }],
      note: null,
    });

    listed!.status = 'failed';
    expect((await store.all())[0]?.status).toBe('pending');
  });

  it('accepts a Vue reactive entry (a proxy IndexedDB cannot clone) and stores its plain data', async () => {
    const store = await openIdbOutboxStore(new IDBFactory());
    const plain = entry({ id: 'p', body: { operationSeq: 20, goodQty: '7' } });
    await store.put(reactive(plain));
    expect(await store.all()).toEqual([plain]);
  });

  it('put with the same id replaces the entry', async () => {
    const store = await openIdbOutboxStore(new IDBFactory());
    const e = entry({ id: 'r1' });
    await store.put(e);
    await store.put(entry({ id: 'other', seq: 2 }));
    const updated: OutboxEntry = {
      ...e,
      status: 'failed',
      attempts: 5,
      idempotencyKey: 'key-r1-edited',
      body: { operationSeq: 10, goodQty: '12' },
      error: { status: 503, code: 'HTTP_503', message: 'down' },
    };
    await store.put(updated);

    const all = await store.all();
    expect(all).toHaveLength(2);
    expect(all.find((x) => x.id === 'r1')).toEqual(updated);
    expect(all.find((x) => x.id === 'other')?.status).toBe('pending');
  });

  it('delete removes only that entry; an unknown id is a no-op', async () => {
    const store = await openIdbOutboxStore(new IDBFactory());
    await store.put(entry({ id: 'a', seq: 1 }));
    await store.put(entry({ id: 'b', seq: 2 }));
    await store.put(entry({ id: 'c', seq: 3 }));
    await store.delete('b');
    expect((await store.all()).map((e) => e.id).sort()).toEqual(['a', 'c']);
    await store.delete('nope');
    expect((await store.all()).map((e) => [e.id, e.seq]).sort()).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
  });

  it('persists across a reopen on the same IndexedDB (a reloaded tab), not across databases', async () => {
    const factory = new IDBFactory();
    const before = await openIdbOutboxStore(factory);
    const a = entry({ id: 'a', seq: 1 });
    const b = entry({ id: 'b', seq: 2, status: 'sending', attempts: 1 });
    await before.put(a);
    await before.put(b);
    await before.delete('a');
    await before.put(entry({ id: 'c', seq: 3 }));

    const after = await openIdbOutboxStore(factory);
    expect([...(await after.all())].sort(byOrder)).toEqual([b, entry({ id: 'c', seq: 3 })]);

    // Writes through the reopened store are seen by the old connection too (same database).
    await after.delete('c');
    expect((await before.all()).map((e) => e.id)).toEqual(['b']);

    // A different IndexedDB (another browser profile / test) starts empty.
    const elsewhere = await openIdbOutboxStore(new IDBFactory());
    expect(await elsewhere.all()).toEqual([]);
  });
});

describe('Outbox on the IndexedDB store', () => {
  it('drains in order with one Idempotency-Key per entry and stores them done', async () => {
    const factory = new IDBFactory();
    const store = await openIdbOutboxStore(factory);
    const server = fakeServer();
    const box = outboxOn(store, server.send, { n: 0 });
    server.setOffline(true);
    const e1 = await box.enqueue(report('1'));
    const e2 = await box.enqueue(report('2'));
    const e3 = await box.enqueue(report('3'));
    await box.flush();
    expect(box.list.map((e) => e.status)).toEqual(['pending', 'pending', 'pending']);

    server.setOffline(false);
    await box.flush();
    const keys = [e1.idempotencyKey, e2.idempotencyKey, e3.idempotencyKey];
    expect(new Set(keys).size).toBe(3);
    expect(keys).not.toContain(e1.id);
    expect(server.received).toEqual(keys);
    expect([...server.applied.entries()]).toEqual([
      [e1.idempotencyKey, { operationSeq: 10, goodQty: '1' }],
      [e2.idempotencyKey, { operationSeq: 10, goodQty: '2' }],
      [e3.idempotencyKey, { operationSeq: 10, goodQty: '3' }],
    ]);

    const stored = [...(await store.all())].sort(byOrder);
    expect(stored.map((e) => [e.id, e.idempotencyKey, e.status, e.attempts])).toEqual([
      [e1.id, e1.idempotencyKey, 'done', 1],
      [e2.id, e2.idempotencyKey, 'done', 1],
      [e3.id, e3.idempotencyKey, 'done', 1],
    ]);
    expect(stored[1]?.result).toEqual({ applied: { operationSeq: 10, goodQty: '2' } });
  });

  it('after a reload nothing is sent twice and unsent entries are still queued with their keys', async () => {
    const factory = new IDBFactory();
    const server = fakeServer();
    const ids = { n: 0 };
    const box = outboxOn(await openIdbOutboxStore(factory), server.send, ids);
    const sent = await box.enqueue(report('1'));
    await box.flush();
    server.setOffline(true);
    const queued1 = await box.enqueue(report('2'));
    const queued2 = await box.enqueue(report('3'));
    await box.flush();
    expect(server.received).toEqual([sent.idempotencyKey]);

    // The tab reloads while still offline: a new connection, a new Outbox.
    const reloadedStore = await openIdbOutboxStore(factory);
    const reloaded = outboxOn(reloadedStore, server.send, ids);
    await reloaded.load();
    expect(reloaded.list.map((e) => [e.id, e.idempotencyKey, e.status, e.body])).toEqual([
      [sent.id, sent.idempotencyKey, 'done', { operationSeq: 10, goodQty: '1' }],
      [queued1.id, queued1.idempotencyKey, 'pending', { operationSeq: 10, goodQty: '2' }],
      [queued2.id, queued2.idempotencyKey, 'pending', { operationSeq: 10, goodQty: '3' }],
    ]);
    expect(reloaded.openCount).toBe(2);

    server.setOffline(false);
    await reloaded.flush();
    await reloaded.flush();
    expect(server.received).toEqual([sent.idempotencyKey, queued1.idempotencyKey, queued2.idempotencyKey]);
    expect(server.applied.size).toBe(3);
    expect(reloaded.openCount).toBe(0);

    // A second reload finds everything done and sends nothing.
    const third = outboxOn(await openIdbOutboxStore(factory), server.send, ids);
    await third.load();
    await third.flush();
    expect(third.list.map((e) => e.status)).toEqual(['done', 'done', 'done']);
    expect(server.received).toHaveLength(3);
  });

  it('an entry left sending when the tab closed is pending after the reload and replayed with the same key', async () => {
    const factory = new IDBFactory();
    const store = await openIdbOutboxStore(factory);
    const server = fakeServer();
    const ids = { n: 0 };
    const box = outboxOn(store, server.send, ids);
    server.setOffline(true);
    const e = await box.enqueue(report('4'));
    await box.flush();
    // The tab closed mid-request: the row still says sending.
    const [row] = await store.all();
    await store.put({ ...row!, status: 'sending', attempts: 1 });

    server.setOffline(false);
    const reloadedStore = await openIdbOutboxStore(factory);
    const reloaded = outboxOn(reloadedStore, server.send, ids);
    await reloaded.load();
    expect(reloaded.list.map((x) => [x.id, x.status, x.idempotencyKey])).toEqual([
      [e.id, 'pending', e.idempotencyKey],
    ]);
    expect((await reloadedStore.all())[0]?.status).toBe('pending');

    await reloaded.flush();
    expect(server.received).toEqual([e.idempotencyKey]);
    expect(server.applied.get(e.idempotencyKey)).toEqual({ operationSeq: 10, goodQty: '4' });
    expect((await reloadedStore.all())[0]?.status).toBe('done');
  });
});
