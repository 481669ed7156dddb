import type { EventSourceLike } from '../jobs/run-progress';

type MessageListener = (event: MessageEvent<string>) => void;

/**
 * An EventSource for unit tests that only delivers what the test emits, the way the browser does:
 * named events (`event: <type>`) go to the listeners of that type, `message` events to `onmessage`
 * as well. Stub the global with it (`vi.stubGlobal('EventSource', FakeEventSource)`) and reach the
 * one the code opened through `FakeEventSource.last`, or hand it to `openEvents` directly.
 */
export class FakeEventSource implements EventSourceLike {
  /** The source opened last (reset it between tests). */
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, MessageListener[]>();
  onerror: ((event: Event) => void) | null = null;
  onmessage: MessageListener | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }

  addEventListener(type: string, listener: MessageListener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  removeEventListener(type: string, listener: MessageListener): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l !== listener),
    );
  }

  /** Sends an event of `type`: `data` as it is when a string (to send malformed data), else as JSON. */
  emit(type: string, data: unknown): void {
    const event = new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) });
    if (type === 'message') this.onmessage?.(event);
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  close(): void {
    this.closed = true;
  }
}
