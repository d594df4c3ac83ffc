import { seededRandom } from '../../packages/core/test/helpers.js';

/**
 * Random runs that can be repeated: the seed comes from COPLAN_SEED when set,
 * else from the clock, and is printed with any failure (the generator is the
 * core tests' mulberry32).
 */
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
