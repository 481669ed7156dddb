import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobView } from '@mes/shared';
import type { HttpClient } from '../http/http-client';
import { useJobProgress, type JobProgress } from './use-job-progress';

/** An EventSource that only delivers what the test dispatches, the way the browser does. */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  /** A named SSE event (`event: <type>`), as the jobs API sends them. */
  emit(type: string, data: unknown) {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    if (type === 'message') this.onmessage?.(event);
    this.dispatchEvent(event);
  }
  close() {
    this.closed = true;
  }
}

const view = (state: JobView['state'], progress: number): JobView => ({
  id: 'j1',
  queue: 'mrp',
  name: 'run',
  state,
  progress,
  attemptsMade: 0,
  result: null,
  failedReason: null,
  createdAt: '2026-11-21T00:00:00.000Z',
});

function follow(): JobProgress {
  const client = {
    get: () => Promise.resolve(view('active', 10)),
    eventSourceUrl: (path: string) => Promise.resolve(`/api/v1${path}?access_token=t`),
  } as unknown as HttpClient;
  let progress: JobProgress | undefined;
  mount(
    defineComponent({
      setup() {
        progress = useJobProgress(client);
        return () => h('div');
      },
    }),
  );
  if (!progress) throw new Error('not mounted');
  return progress;
}

describe('useJobProgress', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('follows the named progress events of the jobs stream until the job completes', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const p = follow();
    await p.start('j1');
    expect(p.job.value?.progress).toBe(10);
    const source = FakeEventSource.last;
    expect(source?.url).toBe('/api/v1/jobs/j1/events?access_token=t');
    source?.emit('progress', view('active', 60));
    expect(p.job.value?.progress).toBe(60);
    source?.emit('progress', view('completed', 100));
    expect(p.job.value?.state).toBe('completed');
    expect(p.done.value).toBe(true);
    expect(source?.closed).toBe(true);
  });
});
