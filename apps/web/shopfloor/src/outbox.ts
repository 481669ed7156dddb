/**
 * The tablet's outbox: every write (report, start, pause, resume) is queued here first, sent at once
 * when online and replayed in order when the connection returns. Each entry keeps its own
 * Idempotency-Key across retries, so the server applies it exactly once however often it is replayed.
 * Pure logic: the storage is an interface (IndexedDB in the browser, memory in tests), the network a
 * `send` function.
 */

export type OutboxStatus = 'pending' | 'sending' | 'done' | 'conflict' | 'failed';

export interface OutboxError {
  /** HTTP status; 0 = no answer (network). */
  status: number;
  code: string;
  message: string;
  details?: { field: string; message: string; [key: string]: unknown }[];
}

export interface OutboxEntry {
  id: string;
  idempotencyKey: string;
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  /** ms since the epoch; entries are sent in this order (then by `seq`). */
  createdAt: number;
  seq: number;
  status: OutboxStatus;
  error: OutboxError | null;
  attempts: number;
  /** What the operator sees in the queue, e.g. `GD20261121-001 · 报工 10 · 良品 5`. */
  label: string;
  /** The work order the entry writes to (to refresh its card once sent). */
  workOrderId: string | null;
  /** The server's answer once done. */
  result?: unknown;
}

export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
}

/** What sending one entry gave. */
export type SendOutcome =
  | { kind: 'ok'; body: unknown }
  /** No answer: network down, request aborted. The entry stays pending. */
  | { kind: 'offline' }
  /** The session is over (401 after a refresh): stays pending until the tablet signs in again. */
  | { kind: 'unauthenticated' }
  | { kind: 'error'; error: OutboxError };

export type Sender = (entry: OutboxEntry) => Promise<SendOutcome>;

export interface OutboxOptions {
  newId?: () => string;
  now?: () => number;
  isOnline?: () => boolean;
  /** Server errors (5xx, 429, 408) retried this many times before the entry is `failed`. */
  maxAttempts?: number;
  /** Done entries kept for the drawer. */
  keepDone?: number;
}

export interface EnqueueInput {
  method?: 'POST' | 'PUT';
  path: string;
  body: unknown;
  label: string;
  workOrderId?: string | null;
}

/** Statuses that are retried automatically: server trouble, throttling. Everything else 4xx is a conflict. */
const isTransient = (status: number) => status >= 500 || status === 408 || status === 429;

export const isOpen = (e: OutboxEntry) => e.status === 'pending' || e.status === 'sending';

export function byOrder(a: OutboxEntry, b: OutboxEntry): number {
  return a.createdAt - b.createdAt || a.seq - b.seq;
}

export class Outbox {
  private entries: OutboxEntry[] = [];
  private readonly listeners = new Set<(entries: readonly OutboxEntry[]) => void>();
  private readonly sentListeners = new Set<(entry: OutboxEntry) => void>();
  private flushing: Promise<void> | null = null;
  private again = false;
  private seq = 0;
  private readonly newId: () => string;
  private readonly now: () => number;
  private readonly isOnline: () => boolean;
  private readonly maxAttempts: number;
  private readonly keepDone: number;
  /** Set when the server said the session is over; cleared by `flush({ resume: true })`. */
  needsSignIn = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly send: Sender,
    options: OutboxOptions = {},
  ) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.now = options.now ?? (() => Date.now());
    this.isOnline = options.isOnline ?? (() => true);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.keepDone = options.keepDone ?? 20;
  }

  /** Loads the stored entries; an entry left `sending` (the tab closed mid-request) is pending again. */
  async load(): Promise<void> {
    const stored = await this.store.all();
    for (const e of stored) {
      if (e.status === 'sending') {
        e.status = 'pending';
        await this.store.put(e);
      }
    }
    this.entries = stored.sort(byOrder);
    this.seq = this.entries.reduce((max, e) => Math.max(max, e.seq), 0);
    this.emit();
  }

  get list(): readonly OutboxEntry[] {
    return this.entries;
  }

  /** Entries still to send (pending or in flight). */
  get openCount(): number {
    return this.entries.filter(isOpen).length;
  }

  subscribe(listener: (entries: readonly OutboxEntry[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.entries);
    return () => this.listeners.delete(listener);
  }

  /** Told of every entry the server applied. */
  onSent(listener: (entry: OutboxEntry) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Queues a write with a fresh Idempotency-Key and starts sending. Resolves once it is stored. */
  async enqueue(input: EnqueueInput): Promise<OutboxEntry> {
    this.seq += 1;
    const entry: OutboxEntry = {
      id: this.newId(),
      idempotencyKey: this.newId(),
      method: input.method ?? 'POST',
      path: input.path,
      body: input.body,
      createdAt: this.now(),
      seq: this.seq,
      status: 'pending',
      error: null,
      attempts: 0,
      label: input.label,
      workOrderId: input.workOrderId ?? null,
    };
    await this.save(entry);
    void this.flush();
    return { ...entry };
  }

  /**
   * Sends the pending entries one by one in order. Stops at the first one without an answer (it and
   * those after it stay pending, to be replayed in the same order). One flush at a time; a call during a
   * flush makes it run once more.
   */
  flush(options: { resume?: boolean } = {}): Promise<void> {
    if (options.resume) this.needsSignIn = false;
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.rerun());
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  /** Whether `flush` was called again while draining (read through a method: `drain` may set it). */
  private rerun(): boolean {
    return this.again;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.needsSignIn || !this.isOnline()) return;
      const next = this.entries.find((e) => e.status === 'pending');
      if (!next) return;
      next.status = 'sending';
      next.attempts += 1;
      await this.save(next);
      let outcome: SendOutcome;
      try {
        outcome = await this.send(next);
      } catch (e) {
        outcome = {
          kind: 'error',
          error: { status: 0, code: 'CLIENT_ERROR', message: e instanceof Error ? e.message : String(e) },
        };
      }
      if (outcome.kind === 'offline' || outcome.kind === 'unauthenticated') {
        next.status = 'pending';
        next.attempts -= 1;
        next.error =
          outcome.kind === 'offline'
            ? { status: 0, code: 'NETWORK_ERROR', message: 'offline' }
            : { status: 401, code: 'UNAUTHENTICATED', message: 'sign in again' };
        if (outcome.kind === 'unauthenticated') this.needsSignIn = true;
        await this.save(next);
        return;
      }
      if (outcome.kind === 'ok') {
        next.status = 'done';
        next.error = null;
        next.result = outcome.body;
        await this.save(next);
        await this.prune();
        for (const l of this.sentListeners) l(next);
        continue;
      }
      next.error = outcome.error;
      if (isTransient(outcome.error.status) || outcome.error.status === 0) {
        // The server is in trouble: try again later (the same key), up to maxAttempts.
        next.status = next.attempts >= this.maxAttempts ? 'failed' : 'pending';
        await this.save(next);
        if (next.status === 'pending') return;
        continue;
      }
      // Refused (409 closed/paused/over-report, 404, 400): not retried; the operator decides.
      next.status = 'conflict';
      await this.save(next);
    }
  }

  /** Drops an entry the operator gave up on (a conflict or failure; never one in flight). */
  async discard(id: string): Promise<void> {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry || entry.status === 'sending') return;
    this.entries = this.entries.filter((e) => e.id !== id);
    await this.store.delete(id);
    this.emit();
  }

  /**
   * Sends a conflict or failure again, optionally with an edited body. An edited body is a new write:
   * it gets a new Idempotency-Key (the server would refuse the old key with another body).
   */
  async resend(id: string, body?: unknown): Promise<void> {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry || isOpen(entry) || entry.status === 'done') return;
    if (body !== undefined && JSON.stringify(body) !== JSON.stringify(entry.body)) {
      entry.body = body;
      entry.idempotencyKey = this.newId();
    }
    entry.status = 'pending';
    entry.error = null;
    entry.attempts = 0;
    await this.save(entry);
    void this.flush();
  }

  private async save(entry: OutboxEntry): Promise<void> {
    if (!this.entries.includes(entry)) this.entries = [...this.entries, entry].sort(byOrder);
    await this.store.put({ ...entry });
    this.emit();
  }

  private async prune(): Promise<void> {
    const done = this.entries.filter((e) => e.status === 'done');
    const drop = done.slice(0, Math.max(0, done.length - this.keepDone));
    if (!drop.length) return;
    this.entries = this.entries.filter((e) => !drop.includes(e));
    for (const e of drop) await this.store.delete(e.id);
    this.emit();
  }

  private emit(): void {
    const snapshot = [...this.entries];
    for (const l of this.listeners) l(snapshot);
  }
}

/** An in-memory store (tests; a browser without IndexedDB). */
export function createMemoryOutboxStore(): OutboxStore & { rows: Map<string, OutboxEntry> } {
  const rows = new Map<string, OutboxEntry>();
  return {
    rows,
    all: () => Promise.resolve([...rows.values()].map((e) => ({ ...e }))),
    put: (entry) => {
      rows.set(entry.id, { ...entry });
      return Promise.resolve();
    },
    delete: (id) => {
      rows.delete(id);
      return Promise.resolve();
    },
  };
}
