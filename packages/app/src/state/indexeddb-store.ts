import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { LocalStore, StoredPlan } from './local-store.js';
import { UnsentEdits } from './unsent-edits.js';

/** The marks a plan's load from the device leaves in the performance timeline: the store opened, its records read and being applied, the plan loaded. */
const LOAD_MARKS = { opening: 'coplan:local-copy-opening', applying: 'coplan:local-copy-applying', loaded: 'coplan:local-copy-loaded' } as const;

/** What IndexedDB names its failures with: a full disk, a closed database, private browsing. */
const STORAGE_FAILURE = /QuotaExceeded|InvalidState|UnknownError|NotFound|Abort/i;

/**
 * Keeps each plan in the browser's IndexedDB (y-indexeddb, database
 * `coplan-plan:<id>`), with the edits a reload could cut off kept
 * synchronously in localStorage as the page goes ({@link UnsentEdits}) and
 * put back when the plan next opens.
 */
export class IndexedDbStore implements LocalStore {
  /** @param after what the device's copy waits for before it is read: the plan's preview, drawn first (see `OutlinePreviewElement`). */
  constructor(private readonly options: { after?: Promise<unknown> } = {}) {}

  open(planId: string, doc: Y.Doc): StoredPlan {
    let idb: IndexeddbPersistence | null = null;
    const applying = (tr: Y.Transaction): void => void (idb && tr.origin === idb && performance.mark(LOAD_MARKS.applying));
    let unsent: UnsentEdits | null = null;
    let listening = false;
    let arrived = false;
    const listen = (): void => {
      if (listening || !idb) return;
      listening = true;
      doc.on('update', idb._storeUpdate);
      unsent = new UnsentEdits(doc, `coplan-unsent:${planId}`);
    };
    const meanwhile = (tr: Y.Transaction): void => {
      if ((idb && tr.origin === idb) || tr.changed.size + tr.deleteSet.clients.size === 0) return;
      arrived = true;
      listen();
    };
    // From now: anything that happens to the doc before the device's copy has loaded (the relay's copy came first, someone typed) is noted.
    doc.on('afterTransaction', meanwhile);
    const failures = new Set<(error: unknown) => void>();
    // Writes that fail later (a full disk) surface only as unhandled rejections from IndexedDB.
    const onRejection = (e: PromiseRejectionEvent): void => {
      const name = (e.reason as { name?: string } | null)?.name ?? '';
      if (STORAGE_FAILURE.test(name)) for (const listener of failures) listener(e.reason);
    };
    window.addEventListener('unhandledrejection', onRejection);
    let closed = false;

    const start = (): Promise<void> => {
      performance.mark(LOAD_MARKS.opening);
      const store = new IndexeddbPersistence(`coplan-plan:${planId}`, doc);
      idb = store;
      // Where a reload's time goes, in the browser's performance timeline (the benchmarks read it).
      doc.on('beforeTransaction', applying);
      // While the device's copy loads, nothing here listens for the doc's updates, so Yjs does not encode
      // the whole loaded plan again as one update (for IndexedDB to skip as its own). Anything else that
      // happens to the doc meanwhile makes it listen again, and the whole doc is written once the load ends.
      if (arrived) {
        listening = true;
        unsent = new UnsentEdits(doc, `coplan-unsent:${planId}`);
      } else doc.off('update', store._storeUpdate);
      return new Promise<void>((resolve, reject) => {
        store.on('synced', () => {
          performance.mark(LOAD_MARKS.loaded);
          doc.off('beforeTransaction', applying);
          doc.off('afterTransaction', meanwhile);
          listen();
          if (arrived && store.db) store.db.transaction('updates', 'readwrite').objectStore('updates').add(Y.encodeStateAsUpdate(doc));
          unsent?.restore();
          resolve();
          // Each keystroke is its own record: when many were loaded, they are merged into one once the plan is drawn.
          const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 2000));
          idle(() => closed || compactLocalCopy(store, doc), { timeout: 10_000 });
        });
        store.whenSynced.catch(reject);
        // IndexedDB refused to open: listen again (unsent edits are still kept), the plan opens from the relay.
        store._db.catch(() => {
          doc.off('afterTransaction', meanwhile);
          listen();
        });
      });
    };
    const after = this.options.after;
    const loaded = after ? after.catch(() => undefined).then(() => (closed ? new Promise<void>(() => undefined) : start())) : start();
    return {
      loaded,
      onFailure: (listener) => void failures.add(listener),
      close: () => {
        closed = true;
        doc.off('beforeTransaction', applying);
        doc.off('afterTransaction', meanwhile);
        unsent?.destroy();
        void idb?.destroy();
        window.removeEventListener('unhandledrejection', onRejection);
      },
    };
  }
}

/** How many of the records loaded at open IndexedDB may hold before they are merged into one (y-indexeddb merges at 500 in a session). */
const COMPACT_ABOVE = 32;

/**
 * Merges the records loaded at open (each keystroke, each partner's change)
 * into one, so the next open reads and applies one update rather than
 * hundreds. Nothing is lost: the merged state holds every loaded record (and
 * more), and it is written in the same IndexedDB transaction as the loaded
 * records are removed, so either both happen or neither. Records written
 * since the load (by this tab or another) are kept as they are.
 */
function compactLocalCopy(idb: IndexeddbPersistence, doc: Y.Doc): void {
  const loaded = idb._dbref;
  if (!idb.db || loaded <= 0) return;
  const range = IDBKeyRange.upperBound(loaded, true);
  try {
    const store = idb.db.transaction('updates', 'readwrite').objectStore('updates');
    const count = store.count(range);
    count.onsuccess = () => {
      if (count.result <= COMPACT_ABOVE) return;
      store.add(Y.encodeStateAsUpdate(doc));
      store.delete(range);
    };
  } catch {
    // The database closed meanwhile (the plan was closed): the records stay as they are, and are merged next time.
  }
}
