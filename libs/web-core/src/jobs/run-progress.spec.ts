import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { JobView } from '@mes/shared';
import { FakeEventSource } from '../testing/fake-event-source';
import { jobView } from '../testing/job-view.fixture';
import { createRunProgress, jobPercent, progressStatus } from './run-progress';

const view = (state: JobView['state'], progress: number, failedReason: string | null = null): JobView =>
  jobView({ state, progress, failedReason });

describe('run progress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('maps job views to a percentage and a bar colour', () => {
    expect(jobPercent(null)).toBe(0);
    expect(jobPercent(view('active', 42.4))).toBe(42);
    expect(jobPercent(view('active', 150))).toBe(100);
    expect(jobPercent(view('active', Number.NaN))).toBe(0);
    expect(jobPercent(view('completed', 80))).toBe(100);
    // (the assertions of scheduling's copy of jobPercent, which this one replaces)
    expect(jobPercent({ state: 'active', progress: 42.6 })).toBe(43);
    expect(jobPercent({ state: 'completed', progress: 80 })).toBe(100);
    expect(jobPercent({ state: 'active', progress: { phase: 'x' } })).toBe(0);
    expect([progressStatus('completed'), progressStatus('failed'), progressStatus('active')]).toEqual([
      'success',
      'exception',
      undefined,
    ]);
  });

  it('follows the SSE progress events to the end, once', async () => {
    const sources: FakeEventSource[] = [];
    const finished = vi.fn();
    const getJob = vi.fn().mockResolvedValue(view('waiting', 0));
    const p = createRunProgress({
      getJob,
      eventsUrl: (id) => Promise.resolve(`/api/v1/jobs/${id}/events?access_token=a`),
      openEvents: (url) => {
        const s = new FakeEventSource(url);
        sources.push(s);
        return s;
      },
      onFinished: finished,
    });
    await p.start('j1');
    expect(p.state.value).toBe('waiting');
    expect(sources[0]?.url).toBe('/api/v1/jobs/j1/events?access_token=a');
    const source = sources[0]!;
    // unnamed "message" events are not what the API sends: ignored
    source.emit('message', view('active', 99));
    expect(p.percent.value).toBe(0);
    source.emit('progress', view('active', 10));
    source.emit('progress', 'not json');
    source.emit('progress', view('active', 80));
    expect([p.state.value, p.percent.value, p.done.value]).toEqual(['active', 80, false]);
    source.emit('progress', view('completed', 100));
    expect([p.state.value, p.percent.value, p.done.value]).toEqual(['completed', 100, true]);
    expect(source.closed).toBe(true);
    source.emit('progress', view('completed', 100));
    expect(finished).toHaveBeenCalledTimes(1);
    expect(finished).toHaveBeenCalledWith('completed', expect.objectContaining({ state: 'completed' }));
    expect(getJob).toHaveBeenCalledTimes(1);
  });

  it('polls GET /jobs/:id every second without a stream, until the job fails', async () => {
    vi.useFakeTimers();
    const answers = [
      view('waiting', 0),
      view('active', 10),
      view('active', 85),
      view('failed', 85, 'unknown item "X"'),
    ];
    const getJob = vi.fn(() => Promise.resolve(answers.shift() ?? view('failed', 85)));
    const finished = vi.fn();
    const p = createRunProgress({ getJob, openEvents: () => null, onFinished: finished });
    await p.start('j1');
    expect(p.state.value).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1000);
    expect([p.state.value, p.percent.value]).toEqual(['active', 10]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.percent.value).toBe(85);
    await vi.advanceTimersByTimeAsync(1000);
    expect([p.state.value, p.done.value]).toEqual(['failed', true]);
    expect(finished).toHaveBeenCalledWith(
      'failed',
      expect.objectContaining({ failedReason: 'unknown item "X"' }),
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(getJob).toHaveBeenCalledTimes(4);
  });

  it('falls back to polling when the stream breaks, and stop() ends everything', async () => {
    vi.useFakeTimers();
    let source: FakeEventSource | null = null;
    const getJob = vi.fn().mockResolvedValueOnce(view('active', 20)).mockResolvedValue(view('active', 50));
    const p = createRunProgress({
      getJob,
      eventsUrl: () => Promise.resolve('/events'),
      openEvents: (url) => (source = new FakeEventSource(url)),
    });
    await p.start('j1');
    await flushPromises();
    source!.onerror?.(new Event('error'));
    expect(source!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.percent.value).toBe(50);
    p.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(getJob).toHaveBeenCalledTimes(2);
  });

  it('does not let a job followed before overwrite the new one', async () => {
    vi.useFakeTimers();
    const getJob = vi.fn((id: string) => Promise.resolve({ ...view('active', id === 'old' ? 70 : 5), id }));
    const p = createRunProgress({ getJob, openEvents: () => null });
    await p.start('old');
    await p.start('new');
    await vi.advanceTimersByTimeAsync(3000);
    expect(p.job.value?.id).toBe('new');
    expect(p.percent.value).toBe(5);
    expect(getJob.mock.calls.filter(([id]) => id === 'old')).toHaveLength(1);
  });

  it('polls, without opening the stream, while the job is not visible yet', async () => {
    vi.useFakeTimers();
    const open = vi.fn(() => new FakeEventSource('/events'));
    const getJob = vi
      .fn()
      .mockRejectedValueOnce(new Error('404'))
      .mockResolvedValueOnce(view('active', 30))
      .mockResolvedValue(view('completed', 100));
    const p = createRunProgress({ getJob, eventsUrl: () => Promise.resolve('/events'), openEvents: open });
    await p.start('j1');
    expect(p.state.value).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.percent.value).toBe(30);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.done.value).toBe(true);
    expect(open).not.toHaveBeenCalled();
  });
});
