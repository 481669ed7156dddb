import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobView } from '@mes/shared';
import type { HttpClient } from '../http/http-client';
import { FakeEventSource } from '../testing/fake-event-source';
import { jobView } from '../testing/job-view.fixture';
import { useJobProgress, type JobProgress } from './use-job-progress';

const view = (state: JobView['state'], progress: number): JobView =>
  jobView({ state, progress, createdAt: '2026-11-21T00:00:00.000Z' });

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
