import type { JobView } from '@mes/shared';

/** A job as `GET /jobs/:id` and the jobs stream answer it: a waiting MRP run, unless overridden. */
export function jobView(over: Partial<JobView> = {}): JobView {
  return {
    id: 'j1',
    queue: 'mrp',
    name: 'run',
    state: 'waiting',
    progress: 0,
    attemptsMade: 0,
    result: null,
    failedReason: null,
    createdAt: '2026-11-21T01:00:00Z',
    ...over,
  };
}
