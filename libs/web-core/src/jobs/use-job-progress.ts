import type { JobView } from '@mes/shared';
import { onBeforeUnmount, ref, type Ref } from 'vue';
import { http as defaultHttp } from '../http';
import type { HttpClient } from '../http/http-client';

export interface JobProgress {
  job: Ref<JobView | null>;
  error: Ref<string | null>;
  done: Ref<boolean>;
  start: (jobId: string) => Promise<void>;
  stop: () => void;
}

const FINAL_STATES: readonly JobView['state'][] = ['completed', 'failed'];

/**
 * Follows a background job: `GET /jobs/:id` once, then the SSE stream `/jobs/:id/events`
 * (EventSource cannot send headers: the access token goes in `access_token`).
 */
export function useJobProgress(client: HttpClient = defaultHttp): JobProgress {
  const job = ref<JobView | null>(null);
  const error = ref<string | null>(null);
  const done = ref(false);
  let source: EventSource | null = null;

  function stop() {
    source?.close();
    source = null;
  }

  function apply(view: JobView) {
    job.value = view;
    if (FINAL_STATES.includes(view.state)) {
      done.value = true;
      stop();
    }
  }

  async function start(jobId: string) {
    stop();
    error.value = null;
    done.value = false;
    const path = `/jobs/${encodeURIComponent(jobId)}`;
    try {
      const first = await client.get<JobView>(path);
      apply(first);
      if (FINAL_STATES.includes(first.state) || typeof EventSource === 'undefined') return;
      source = new EventSource(await client.eventSourceUrl(`${path}/events`));
      // The API sends named events (`event: progress`), which `onmessage` would never see.
      source.addEventListener('progress', (event: MessageEvent<string>) => {
        try {
          apply(JSON.parse(event.data) as JobView);
        } catch {
          // ignore a malformed event
        }
      });
      source.onerror = () => {
        if (!done.value) error.value = 'stream';
        stop();
      };
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  onBeforeUnmount(stop);
  return { job, error, done, start, stop };
}
