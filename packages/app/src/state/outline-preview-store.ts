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

/**
 * How a preview is stored: its markup gzipped (30 KB for the 731,000 characters of a 1,000-action plan's), which keeps a long plan's
 * preview under the size past which Chromium stores a value as a separate file and reads it back more
 * slowly (64 KiB), so it is on screen before the plan's own records are; as text where the browser has
 * no compression streams.
 */
interface StoredPreview extends Omit<OutlinePreview, 'html'> {
  html?: string;
  gzipped?: ArrayBuffer;
}

function gzip(text: string): Promise<ArrayBuffer> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

function gunzip(bytes: ArrayBuffer): Promise<string> {
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
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
  // Most plans have none (a short plan keeps none): they are not kept waiting for a read.
  if (!read && !hasPreview(planId)) return Promise.resolve(null);
  if (!read) {
    read = request((s) => s.get(planId) as IDBRequest<StoredPreview | undefined>, 'readonly')
      .then(async (p) => {
        if (!p || typeof p.top !== 'number' || typeof p.width !== 'number') return null;
        const html = p.gzipped instanceof ArrayBuffer ? await gunzip(p.gzipped) : p.html;
        // When the preview was read, in the browser's performance timeline (the benchmarks read it).
        performance.mark('coplan:outline-preview-read');
        return typeof html === 'string' ? { html, savedAt: p.savedAt, top: p.top, width: p.width } : null;
      })
      .catch(() => null);
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

/** Which plans have a preview, kept beside it in localStorage: whether to wait for one is known at once. */
const MARK = 'coplan-outline-preview:';

function hasPreview(planId: string): boolean {
  try {
    return localStorage.getItem(MARK + planId) !== null;
  } catch {
    return false;
  }
}

/**
 * Keeps a plan's preview, replacing the one before: gzipped, or as it is
 * when `now` (the page is going: the write is asked for at once, with nothing
 * to wait for first, so that it is made before the page is gone).
 */
export async function writeOutlinePreview(planId: string, preview: OutlinePreview, now = false): Promise<void> {
  const { html, ...rest } = preview;
  const stored: StoredPreview = typeof CompressionStream === 'function' && !now ? { ...rest, gzipped: await gzip(html) } : preview;
  await request((s) => s.put(stored, planId), 'readwrite');
  localStorage.setItem(MARK + planId, String(preview.savedAt));
}

/** Deletes a plan's preview (the plan was deleted from this device, or is short enough to need none). */
export async function deleteOutlinePreview(planId: string): Promise<void> {
  reads.delete(planId);
  if (!hasPreview(planId)) return;
  await request((s) => s.delete(planId), 'readwrite');
  localStorage.removeItem(MARK + planId);
}
