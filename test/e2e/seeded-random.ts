/**
 * A seeded random source (mulberry32), so a failing run can be repeated: the
 * seed comes from COPLAN_SEED when set, else from the clock, and is printed
 * with any failure by {@link withSeed}.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `body` with a random source; a failure says which seed to set in COPLAN_SEED to run it again. */
export async function withSeed(body: (random: () => number, seed: number) => Promise<void>): Promise<void> {
  const seed = process.env.COPLAN_SEED ? Number(process.env.COPLAN_SEED) : Date.now() % 2 ** 31;
  try {
    await body(seededRandom(seed), seed);
  } catch (e) {
    if (e instanceof Error) e.message = `${e.message}\n(random seed ${seed}: run again with COPLAN_SEED=${seed})`;
    throw e;
  }
}
