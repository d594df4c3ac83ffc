/** Where this device stands on keeping plans: the browser keeps them for good, may clear them when space runs low, or cannot say. */
export type StorageState = 'persistent' | 'best-effort' | 'unknown';

/**
 * What the storage note in the top bar says, in one short line (it shares a
 * 375 px phone's top bar with Dismiss): calm words on what is happening and,
 * when the browser may clear plans, the one thing that stops it. A first
 * visit is normally "best-effort" (browsers grant lasting storage to sites
 * people install or come back to), so that case must not alarm.
 */
export function storageAdvice(state: StorageState): string {
  switch (state) {
    case 'persistent':
      return 'Plans here stay until you delete them.';
    case 'best-effort':
      return 'Saved here. Install Coplan to keep it.';
    case 'unknown':
      return 'Saved here. Sync, or save a .coplan file.';
  }
}

const DISMISSED = 'coplan.storage-note-dismissed';

/** Whether this person dismissed these very words on this device (new words, for a new state, show again). */
export function storageNoteDismissed(words: string, store: Storage = localStorage): boolean {
  try {
    return store.getItem(DISMISSED) === words;
  } catch {
    return false;
  }
}

/** Remembers on this device that the note with these words was dismissed. */
export function dismissStorageNote(words: string, store: Storage = localStorage): void {
  try {
    store.setItem(DISMISSED, words);
  } catch {
    // Storage refused (a private window): the note is gone for this visit only.
  }
}

/** Asks the browser to keep this site's storage for good (it decides), and says where that leaves this device. */
export async function askToKeepPlans(storage: StorageManager | undefined = navigator.storage): Promise<StorageState> {
  if (!storage?.persist || !storage.persisted) return 'unknown';
  try {
    return (await storage.persisted()) || (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}
