import { ref } from 'vue';
import type { JobState, JobView } from '@mes/shared';

/** What the progress bar needs of an EventSource (the browser's, or a fake in tests). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export interface RunProgressDeps {
  /** `GET /jobs/:id`. */
  getJob: (jobId: string) => Promise<JobView>;
  /** The SSE URL of the job (`/jobs/:id/events?access_token=…`); without it the job is polled. */
  eventsUrl?: (jobId: string) => Promise<string>;
  /** Opens the stream; default: the browser's EventSource when there is one. */
  openEvents?: (url: string) => EventSourceLike | null;
  /** Polling interval when there is no stream (or it broke). */
  pollMs?: number;
  /** Called once when the job completes or fails. */
  onFinished?: (state: 'completed' | 'failed', job: JobView) => void;
}

const FINAL: readonly JobState[] = ['completed', 'failed'];
/** Consecutive failed polls after which the page gives up (the run list still tells the outcome). */
const MAX_POLL_ERRORS = 10;

/** The job's progress as a whole percentage 0–100 (100 once it completed; 0 when not a number). */
export function jobPercent(job: { state: JobState; progress: unknown } | null): number {
  if (!job) return 0;
  if (job.state === 'completed') return 100;
  const p = typeof job.progress === 'number' && Number.isFinite(job.progress) ? job.progress : 0;
  return Math.max(0, Math.min(100, Math.round(p)));
}

/** The progress bar's colour: success / exception / none while it runs. */
export function progressStatus(state: JobState | null): 'success' | 'exception' | undefined {
  return state === 'completed' ? 'success' : state === 'failed' ? 'exception' : undefined;
}

function browserEventSource(url: string): EventSourceLike | null {
  return typeof EventSource === 'undefined' ? null : new EventSource(url);
}

/**
 * Follows a run's job until it completes or fails: `GET /jobs/:id` first, then the SSE stream's
 * `progress` events; when the job is not visible yet, or the stream is unavailable or breaks before
 * the end, `GET /jobs/:id` every `pollMs`. A later `start` (or `stop`) abandons the job followed before.
 */
export function createRunProgress(deps: RunProgressDeps) {
  const job = ref<JobView | null>(null);
  const percent = ref(0);
  const state = ref<JobState | null>(null);
  const done = ref(false);
  const error = ref<string | null>(null);
  const pollMs = deps.pollMs ?? 1000;
  const openEvents = deps.openEvents ?? browserEventSource;
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  let pollErrors = 0;
  const isDone = () => done.value;

  function closeStreams() {
    source?.close();
    source = null;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function stop() {
    generation += 1;
    closeStreams();
  }

  function apply(view: JobView, mine: number) {
    if (mine !== generation || done.value) return;
    job.value = view;
    state.value = view.state;
    // A retried job may start again from 0; the bar does not go back while the run is the same.
    percent.value = view.state === 'failed' ? percent.value : Math.max(percent.value, jobPercent(view));
    if (FINAL.includes(view.state)) {
      done.value = true;
      closeStreams();
      deps.onFinished?.(view.state === 'failed' ? 'failed' : 'completed', view);
    }
  }

  function poll(jobId: string, mine: number) {
    if (mine !== generation || done.value) return;
    timer = setTimeout(() => {
      timer = null;
      deps
        .getJob(jobId)
        .then((view) => {
          pollErrors = 0;
          apply(view, mine);
        })
        .catch((e: unknown) => {
          pollErrors += 1;
          if (pollErrors >= MAX_POLL_ERRORS && mine === generation) {
            error.value = e instanceof Error ? e.message : String(e);
            generation += 1;
          }
        })
        .finally(() => {
          poll(jobId, mine);
        });
    }, pollMs);
  }

  async function start(jobId: string): Promise<void> {
    stop();
    const mine = generation;
    job.value = null;
    percent.value = 0;
    state.value = 'waiting';
    done.value = false;
    error.value = null;
    pollErrors = 0;
    let known = false;
    try {
      apply(await deps.getJob(jobId), mine);
      known = true;
    } catch {
      // not visible yet (just submitted): polling until it is
    }
    // (apply may have finished it: read through a function, TypeScript narrowed `done` above)
    if (mine !== generation || isDone()) return;
    let opened: EventSourceLike | null = null;
    if (known && deps.eventsUrl) {
      try {
        opened = openEvents(await deps.eventsUrl(jobId));
      } catch {
        opened = null;
      }
    }
    if (mine !== generation) {
      opened?.close();
      return;
    }
    if (!opened) {
      poll(jobId, mine);
      return;
    }
    source = opened;
    opened.addEventListener('progress', (event) => {
      try {
        apply(JSON.parse(event.data) as JobView, mine);
      } catch {
        // a malformed event: the next one (or the polling) tells
      }
    });
    opened.onerror = () => {
      // The stream ended (the server closes it after the last event) or broke: poll for the rest.
      if (source === opened) source = null;
      opened.close();
      if (!done.value) poll(jobId, mine);
    };
  }

  return { job, percent, state, done, error, start, stop };
}

export type RunProgress = ReturnType<typeof createRunProgress>;
