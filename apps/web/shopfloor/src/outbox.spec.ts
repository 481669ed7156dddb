import { describe, expect, it } from 'vitest';
import { createMemoryOutboxStore, Outbox, type OutboxEntry, type SendOutcome } from './outbox';
import { explain } from './explain';

/** A fake server: applies each Idempotency-Key once (like the platform), can be switched offline. */
function fakeServer() {
  const applied = new Map<string, unknown>();
  const calls: string[] = [];
  let offline = false;
  let refuse: ((e: OutboxEntry) => SendOutcome | null) | null = null;
  const send = (e: OutboxEntry): Promise<SendOutcome> => {
    calls.push(e.idempotencyKey);
    if (offline) return Promise.resolve({ kind: 'offline' });
    const refused = refuse?.(e);
    if (refused) return Promise.resolve(refused);
    if (!applied.has(e.idempotencyKey)) applied.set(e.idempotencyKey, e.body);
    return Promise.resolve({ kind: 'ok', body: applied.get(e.idempotencyKey) });
  };
  return {
    send,
    applied,
    calls,
    setOffline: (v: boolean) => {
      offline = v;
    },
    setRefuse: (f: typeof refuse) => {
      refuse = f;
    },
  };
}

function setup(options: { online?: () => boolean } = {}) {
  const store = createMemoryOutboxStore();
  const server = fakeServer();
  let id = 0;
  let clock = 1000;
  const box = new Outbox(store, server.send, {
    newId: () => `id-${++id}`,
    now: () => (clock += 1),
    isOnline: options.online ?? (() => true),
  });
  return { store, server, box };
}

const report = (good: string) => ({
  path: '/production-execution/work-orders/w1/reports',
  body: { operationSeq: 10, goodQty: good },
  label: `report ${good}`,
  workOrderId: 'w1',
});

describe('shop-floor outbox', () => {
  it('sends at once when online, with one Idempotency-Key per entry', async () => {
    const { box, server, store } = setup();
    const e = await box.enqueue(report('10'));
    await box.flush();
    expect(box.list.map((x) => x.status)).toEqual(['done']);
    expect([...server.applied.keys()]).toEqual([e.idempotencyKey]);
    expect(store.rows.get(e.id)?.status).toBe('done');
    expect(e.idempotencyKey).not.toBe(e.id);
  });

  it('keeps entries pending while offline and replays them in order, each key applied once', async () => {
    const { box, server } = setup();
    server.setOffline(true);
    await box.enqueue(report('5'));
    await box.enqueue(report('7'));
    await box.flush();
    await box.flush(); // a timer tick while still offline
    expect(box.openCount).toBe(2);
    expect(box.list.map((x) => x.status)).toEqual(['pending', 'pending']);
    expect(server.applied.size).toBe(0);

    server.setOffline(false);
    await box.flush();
    expect(box.openCount).toBe(0);
    expect([...server.applied.values()]).toEqual([
      { operationSeq: 10, goodQty: '5' },
      { operationSeq: 10, goodQty: '7' },
    ]);
    // Retries reused the same keys.
    const keys = box.list.map((x) => x.idempotencyKey);
    expect(new Set(server.calls)).toEqual(new Set(keys));
  });

  it('a lost answer is replayed with the same key and applied once', async () => {
    const { box, server } = setup();
    let lose = true;
    const original = server.send;
    const lossy = new Outbox(createMemoryOutboxStore(), async (e) => {
      const r = await original(e);
      if (lose) {
        lose = false;
        return { kind: 'offline' };
      }
      return r;
    });
    const e = await lossy.enqueue(report('3'));
    await lossy.flush();
    await lossy.flush();
    expect(lossy.list[0]?.status).toBe('done');
    expect(server.applied.size).toBe(1);
    expect(server.calls).toEqual([e.idempotencyKey, e.idempotencyKey]);
    expect(box.openCount).toBe(0);
  });

  it('does not send while navigator says offline', async () => {
    let online = false;
    const { box, server } = setup({ online: () => online });
    await box.enqueue(report('1'));
    await box.flush();
    expect(server.calls).toEqual([]);
    online = true;
    await box.flush();
    expect(server.applied.size).toBe(1);
  });

  it('a conflict is not retried; the next entries still go; discard and edit-and-resend', async () => {
    const { box, server } = setup();
    server.setRefuse((e) =>
      (e.body as { goodQty: string }).goodQty === '99'
        ? {
            kind: 'error',
            error: {
              status: 409,
              code: 'OVER_REPORT',
              message: 'too much',
              details: [{ field: 'goodQty', message: '', operationSeq: 10, allowed: '12', requested: '99' }],
            },
          }
        : null,
    );
    const bad = await box.enqueue(report('99'));
    await box.enqueue(report('2'));
    await box.flush();
    await box.flush();
    expect(box.list.map((x) => x.status)).toEqual(['conflict', 'done']);
    expect(server.calls.filter((k) => k === bad.idempotencyKey)).toHaveLength(1);
    const conflict = box.list[0]!;
    expect(explain(conflict.error!, 'zh-CN')).toBe('超出可报数量：工序 10 最多还可报 12，本次 99');
    expect(explain(conflict.error!, 'en-US')).toContain('may still report 12');

    await box.resend(bad.id, { operationSeq: 10, goodQty: '12' });
    await box.flush();
    const resent = box.list.find((x) => x.id === bad.id)!;
    expect(resent.status).toBe('done');
    expect(resent.idempotencyKey).not.toBe(bad.idempotencyKey); // an edited body is a new write

    await box.discard(resent.id);
    expect(box.list.map((x) => x.id)).not.toContain(bad.id);
  });

  it('server errors are retried up to maxAttempts, then failed', async () => {
    const store = createMemoryOutboxStore();
    let calls = 0;
    const box = new Outbox(
      store,
      () => {
        calls += 1;
        return Promise.resolve({ kind: 'error', error: { status: 503, code: 'HTTP_503', message: 'down' } });
      },
      { maxAttempts: 3 },
    );
    await box.enqueue(report('1'));
    for (let i = 0; i < 5; i += 1) await box.flush();
    expect(calls).toBe(3);
    expect(box.list[0]?.status).toBe('failed');
  });

  it('401 stops the queue until the tablet signs in again', async () => {
    let session = false;
    const box = new Outbox(createMemoryOutboxStore(), () =>
      Promise.resolve(session ? { kind: 'ok', body: null } : { kind: 'unauthenticated' }),
    );
    await box.enqueue(report('1'));
    await box.enqueue(report('2'));
    await box.flush();
    expect(box.needsSignIn).toBe(true);
    expect(box.openCount).toBe(2);
    session = true;
    await box.flush(); // still waiting for the sign-in
    expect(box.openCount).toBe(2);
    await box.flush({ resume: true });
    expect(box.openCount).toBe(0);
  });

  it('survives a reload: stored entries come back, one left sending is pending again', async () => {
    const { store, server, box } = setup();
    server.setOffline(true);
    const a = await box.enqueue(report('4'));
    await box.flush();
    await store.put({ ...store.rows.get(a.id)!, status: 'sending' });
    server.setOffline(false);
    const again = new Outbox(store, server.send);
    await again.load();
    expect(again.list.map((x) => [x.id, x.status, x.idempotencyKey])).toEqual([
      [a.id, 'pending', a.idempotencyKey],
    ]);
    await again.flush();
    expect(server.applied.get(a.idempotencyKey)).toEqual({ operationSeq: 10, goodQty: '4' });
  });

  it('explains conflicts in words', () => {
    expect(explain({ status: 409, code: 'WORK_ORDER_PAUSED', message: '' }, 'zh-CN')).toContain('恢复');
    expect(
      explain(
        {
          status: 409,
          code: 'INVALID_STATUS',
          message: '工单当前状态为 closed / 工单 is closed: cannot 报工',
          details: [{ field: 'status', message: 'is closed' }],
        },
        'zh-CN',
      ),
    ).toBe('工单已关闭（离线期间被关闭或完工），这条记录不能再提交');
    expect(explain({ status: 404, code: 'NOT_FOUND', message: '' }, 'en-US')).toContain('does not exist');
  });
});
