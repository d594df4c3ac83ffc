/**
 * A copy of each plan's outline as words (priorities, objectives and actions,
 * as the outline draws them before they are live), kept on this device in its
 * own IndexedDB database beside the plan's, so a reload can put the whole plan's
 * words on screen while the plan itself (its Yjs document) is still loading.
 * Written by the open plan ({@link OutlinePreviewKeeper}), read as the page
 * starts, deleted with the device's copy of the plan.
 *
 * Small on purpose: the app's first script starts the read before the plan
 * screen's code has arrived.
 */

/** The outline's words, as markup the outline's own styles draw, and when they were taken. */
export interface OutlinePreview {
  html: string;
  savedAt: number;
  /** Where the outline began below the top of the page, px, when the window was `width` px wide. */
  top: number;
  width: number;
}

const DATABASE = 'coplan-outline-previews';
const STORE = 'previews';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('the previews database is blocked by another tab'));
  });
}

let database: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  database ??= openDatabase().catch((e: unknown) => {
    database = null;
    throw e;
  });
  return database;
}

function request<T>(store: (s: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const tx = d.transaction(STORE, mode);
        const r = store(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(r.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

const reads = new Map<string, Promise<OutlinePreview | null>>();

/**
 * Starts reading a plan's preview, once per page load: the app starts it as
 * soon as it knows the plan's address, the plan screen takes it. Resolves to
 * null when there is none or it cannot be read (the preview is only a head
 * start: the plan opens without it).
 */
export function readOutlinePreview(planId: string): Promise<OutlinePreview | null> {
  let read = reads.get(planId);
  if (!read) {
    read = request((s) => s.get(planId) as IDBRequest<OutlinePreview | undefined>, 'readonly').then(
      (p) => {
        // When the read came back, in the browser's performance timeline (the benchmarks read it).
        performance.mark('coplan:outline-preview-read');
        return p && typeof p.html === 'string' && typeof p.top === 'number' && typeof p.width === 'number' ? p : null;
      },
      () => null,
    );
    reads.set(planId, read);
  }
  return read;
}

/** Takes the read started for a plan (or starts one) and forgets it, so the plan's next opening on this page reads afresh. */
export function takeOutlinePreview(planId: string): Promise<OutlinePreview | null> {
  const read = readOutlinePreview(planId);
  reads.delete(planId);
  return read;
}

/** Keeps a plan's preview, replacing the one before. */
export function writeOutlinePreview(planId: string, preview: OutlinePreview): Promise<void> {
  return request((s) => s.put(preview, planId), 'readwrite').then(() => undefined);
}

/** Deletes a plan's preview (the plan was deleted from this device). */
export function deleteOutlinePreview(planId: string): Promise<void> {
  reads.delete(planId);
  return request((s) => s.delete(planId), 'readwrite').then(() => undefined);
}
