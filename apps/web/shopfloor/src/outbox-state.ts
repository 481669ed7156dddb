/** The tablet's one outbox, its entries as reactive state, and the triggers that replay it. */
import { computed, ref, shallowRef } from 'vue';
import { sendEntry } from './api';
import { createMemoryOutboxStore, isOpen, Outbox, type OutboxEntry } from './outbox';
import { openIdbOutboxStore } from './outbox-idb';

export const entries = shallowRef<OutboxEntry[]>([]);
export const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
export const openCount = computed(() => entries.value.filter(isOpen).length);
export const needsSignIn = ref(false);

let outbox: Outbox | null = null;
let starting: Promise<Outbox> | null = null;

export function useOutbox(): Promise<Outbox> {
  starting ??= (async () => {
    const store = await openIdbOutboxStore().catch(() => createMemoryOutboxStore());
    const box = new Outbox(store, sendEntry, { isOnline: () => navigator.onLine });
    await box.load();
    box.subscribe((list) => {
      entries.value = list.map((e) => ({ ...e }));
      needsSignIn.value = box.needsSignIn;
    });
    outbox = box;
    window.addEventListener('online', () => {
      online.value = true;
      void box.flush();
    });
    window.addEventListener('offline', () => {
      online.value = false;
    });
    // The `online` event is not always fired (captive portals, Wi-Fi that comes back quietly).
    setInterval(() => {
      online.value = navigator.onLine;
      if (box.openCount) void box.flush();
    }, 5000);
    void box.flush();
    return box;
  })();
  return starting;
}

/** After the tablet signed in again: send what waited for it. */
export function resumeAfterSignIn(): void {
  void outbox?.flush({ resume: true });
}
