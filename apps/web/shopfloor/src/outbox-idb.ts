import type { OutboxEntry, OutboxStore } from './outbox';

const DB_NAME = 'mes-shopfloor';
const STORE = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('IndexedDB request failed'));
    };
  });
}

/** The outbox in IndexedDB (`mes-shopfloor` / `outbox`, key `id`): it survives reloads and a closed tab. */
export async function openIdbOutboxStore(factory: IDBFactory = indexedDB): Promise<OutboxStore> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE))
      open.result.createObjectStore(STORE, { keyPath: 'id' });
  };
  const db = await request(open);
  const tx = async <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const t = db.transaction(STORE, mode);
    const result = await request(work(t.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      t.oncomplete = () => {
        resolve();
      };
      t.onerror = () => {
        reject(t.error ?? new Error('IndexedDB transaction failed'));
      };
      t.onabort = () => {
        reject(t.error ?? new Error('IndexedDB transaction aborted'));
      };
    });
    return result;
  };
  return {
    all: () => tx('readonly', (s) => s.getAll() as IDBRequest<OutboxEntry[]>),
    put: async (entry) => {
      // Structured clone of plain data only (no Vue proxies).
      await tx('readwrite', (s) => s.put(JSON.parse(JSON.stringify(entry)) as OutboxEntry));
    },
    delete: async (id) => {
      await tx('readwrite', (s) => s.delete(id));
    },
  };
}
