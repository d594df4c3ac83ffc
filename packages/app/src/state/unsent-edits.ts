import * as Y from 'yjs';

/** How long after the last change the device's IndexedDB is taken to hold it (y-indexeddb writes each update at once; this is ample). */
const SETTLE_MS = 1000;

/**
 * Edits this device made (or received) that IndexedDB may not hold yet, kept
 * when the page is hidden or unloaded. y-indexeddb writes each update in its
 * own transaction, which a reload or a closed tab can cut off; `pagehide` and
 * `visibilitychange` leave no time to wait for one. So what changed since the
 * document last settled is written synchronously to localStorage, and put
 * back (Yjs updates apply twice harmlessly) when the plan next opens.
 */
export class UnsentEdits {
  private settled: Uint8Array;
  private timer = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly key: string,
  ) {
    this.settled = Y.encodeStateVector(doc);
    doc.on('update', this.onUpdate);
    window.addEventListener('pagehide', this.save);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Puts back what a previous page kept and IndexedDB may have lost; call once IndexedDB has loaded the document. */
  restore(): void {
    let kept: string | null = null;
    try {
      kept = localStorage.getItem(this.key);
    } catch {
      return; // storage refused: nothing was kept either
    }
    // What IndexedDB holds is settled; what comes back from the page before is pending until it settles again.
    this.settled = Y.encodeStateVector(this.doc);
    if (kept)
      Y.applyUpdate(
        this.doc,
        Uint8Array.from(atob(kept), (c) => c.charCodeAt(0)),
        this,
      );
  }

  /** Stops following the document (the plan was closed in the app); what is pending is kept first. */
  destroy(): void {
    this.save();
    clearTimeout(this.timer);
    this.doc.off('update', this.onUpdate);
    window.removeEventListener('pagehide', this.save);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** When the document last changed; one timer follows it, rather than a timer set and cleared per keystroke. */
  private lastUpdate = 0;

  private readonly onUpdate = (): void => {
    this.lastUpdate = performance.now();
    if (!this.timer) this.timer = window.setTimeout(this.settleLater, SETTLE_MS);
  };

  /** Settles once the document has been still for SETTLE_MS; while changes go on, looks again when that would be. */
  private readonly settleLater = (): void => {
    const wait = this.lastUpdate + SETTLE_MS - performance.now();
    this.timer = wait > 0 ? window.setTimeout(this.settleLater, wait) : 0;
    if (wait <= 0) this.markSettled();
  };

  /** IndexedDB has had time to hold everything: nothing is pending, and nothing needs keeping. */
  private markSettled(): void {
    this.settled = Y.encodeStateVector(this.doc);
    try {
      localStorage.removeItem(this.key);
    } catch {
      // storage refused: nothing was kept
    }
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.save();
  };

  /** Writes what changed since the document last settled, synchronously; nothing when nothing did. */
  private readonly save = (): void => {
    const pending = Y.encodeStateAsUpdate(this.doc, this.settled);
    // An update with no structs and an empty delete set is two bytes long.
    if (pending.length <= 2) return;
    let text = '';
    for (let i = 0; i < pending.length; i += 0x8000) text += String.fromCharCode(...pending.subarray(i, i + 0x8000));
    try {
      localStorage.setItem(this.key, btoa(text));
    } catch {
      // Full: IndexedDB's own write is still under way, and usually lands.
    }
  };
}
