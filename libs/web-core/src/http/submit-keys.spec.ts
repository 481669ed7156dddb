import { describe, expect, it } from 'vitest';
import { createKeyer, createSubmitKeys } from './submit-keys';

describe('Idempotency-Keys', () => {
  it('keep one key per submission until the server answers', () => {
    let n = 0;
    const keys = createSubmitKeys(() => `k${++n}`);
    const a = { itemCode: 'BRG-608', qty: '5' };
    expect(keys.pendingKey).toBeNull();
    expect(keys.keyFor(a)).toBe('k1');
    expect(keys.keyFor({ ...a })).toBe('k1'); // retry after a lost answer
    expect(keys.pendingKey).toBe('k1');
    expect(keys.keyFor({ ...a, qty: '6' })).toBe('k2'); // a changed input is a new submission
    keys.answered();
    expect(keys.pendingKey).toBeNull();
    expect(keys.keyFor({ ...a, qty: '6' })).toBe('k3'); // the same input again is a new write
  });

  it('keep one key per distinct input when never dropped', () => {
    let n = 0;
    const keyOf = createKeyer(() => `k${++n}`);
    expect(keyOf({ code: 'A' })).toBe('k1');
    expect(keyOf({ code: 'A' })).toBe('k1');
    expect(keyOf({ code: 'B' })).toBe('k2');
    expect(keyOf({ code: 'A' })).toBe('k3');
  });

  it('send under the key, dropping it once answered and keeping it for a retry when not', async () => {
    let n = 0;
    const keys = createSubmitKeys(() => `k${++n}`);
    const lost = new Error('lost');
    const refused = new Error('refused');
    const unanswered = (e: unknown) => e === lost;
    const sent: string[] = [];
    const fail = (error: Error) => (key: string) => {
      sent.push(key);
      return Promise.reject(error);
    };
    await expect(keys.send({ a: 1 }, fail(lost), unanswered)).rejects.toBe(lost);
    expect(keys.pendingKey).toBe('k1');
    await expect(keys.send({ a: 1 }, fail(refused), unanswered)).rejects.toBe(refused);
    expect(keys.pendingKey).toBeNull();
    const result = await keys.send({ a: 1 }, (key) => Promise.resolve(`done ${key}`), unanswered);
    expect(result).toBe('done k2');
    expect(sent).toEqual(['k1', 'k1']);
    expect(keys.pendingKey).toBeNull();
  });

  it('are random UUIDs by default', () => {
    const keys = createSubmitKeys();
    expect(keys.keyFor({})).toMatch(/^[0-9a-f-]{36}$/);
    expect(createKeyer()({})).toMatch(/^[0-9a-f-]{36}$/);
  });
});
