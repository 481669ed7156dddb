import type { RequestOptions } from '@mes/web-core';

/**
 * Options of a create: silent (the form shows the error itself) and, when given, the
 * `Idempotency-Key` that makes a re-sent identical create apply once.
 */
export function createOptions(idempotencyKey?: string): RequestOptions {
  return { silent: true, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) };
}

/** `/base/<id>` with the id encoded. */
export const oneOf = (base: string) => (id: string) => `${base}/${encodeURIComponent(id)}`;
