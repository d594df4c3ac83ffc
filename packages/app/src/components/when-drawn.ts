/**
 * Waits a frame at a time (the host's update done each time) until `found`
 * gives something, for at most `frames` frames: a view follows a change to
 * the plan a frame or so after it. Resolves to what it found, or null.
 */
export async function whenDrawn<T>(host: { readonly updateComplete: Promise<unknown> }, found: () => T | null | undefined | false, frames = 30): Promise<T | null> {
  for (let frame = 0; frame < frames; frame++) {
    await host.updateComplete;
    const got = found();
    if (got) return got;
    await new Promise((next) => requestAnimationFrame(next));
  }
  return null;
}
