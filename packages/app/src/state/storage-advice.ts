/** Where this device stands on keeping plans: the browser keeps them for good, may clear them when space runs low, or cannot say. */
export type StorageState = 'persistent' | 'best-effort' | 'unknown';

/**
 * What the storage note in the top bar says: calm words on what is happening
 * and, when the browser may clear plans, the one thing that stops it. A first
 * visit is normally "best-effort" (browsers grant lasting storage to sites
 * people install or come back to), so that case must not alarm.
 */
export function storageAdvice(state: StorageState): string {
  switch (state) {
    case 'persistent':
      return 'Plans on this device are kept until you delete them.';
    case 'best-effort':
      return 'Your work is saved on this device as you type. To keep it here for good, install Coplan (on an iPad: Share, then Add to Home Screen).';
    case 'unknown':
      return 'Your work is saved on this device as you type. Keep plans synced, or save a .coplan file from Files, so a browser clean-up cannot lose them.';
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
