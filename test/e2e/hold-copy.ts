/**
 * Installed in a page (`context.addInitScript(holdTheCopy)`): holds back this
 * device's copy of a plan (its IndexedDB database opening) until the page
 * calls `__releaseCopy()`, so a test can act while the plan is still loading.
 */
export function holdTheCopy(): void {
  const w = window as unknown as { __releaseCopy: () => void };
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  w.__releaseCopy = release;
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    const request = open.call(this, name, version);
    if (!name.startsWith('coplan-plan:')) return request;
    let handler: ((e: Event) => void) | null = null;
    Object.defineProperty(request, 'onsuccess', {
      get: () => handler,
      set: (f: ((e: Event) => void) | null) => {
        handler = f;
      },
    });
    request.addEventListener('success', (e) => void gate.then(() => handler?.call(request, e)));
    return request;
  } as typeof IDBFactory.prototype.open;
}
