/**
 * A value other controllers follow: they subscribe, and are told each time it
 * changes. Plan state shared by several components (the session, the relay's
 * answer about access, the whole-plan snapshot) is one of these, provided
 * through context, so each component re-renders for what it shows itself.
 */
export class Changes {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` after each change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every subscriber that something changed. */
  protected changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
