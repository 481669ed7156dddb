import type { RequestOptions } from '@mes/web-core';

/**
 * Options of a write: silent (the form or dialog shows the error itself) and, when given, the
 * `Idempotency-Key` that makes a re-sent identical request apply once.
 */
export function writeOptions(idempotencyKey?: string): RequestOptions {
  return { silent: true, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) };
}

/** `/base/<id>` with the id encoded. */
export const oneOf = (base: string) => (id: string) => `${base}/${encodeURIComponent(id)}`;

/** A list answer of the API. */
export interface Page<T> {
  items: T[];
  total: number;
}
