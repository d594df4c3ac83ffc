/**
 * The seed documents' text, as extracted from Word and PDF (Node only: it
 * reads the files shipped in `texts/`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seed files' names, without `.txt`, in seed order. */
export const SEED_NAMES = ['000_b1e6cc473b1acf17', '001_24b62c69f27e8151', '002_70289ed330aeee55', '003_cbbf7fa25313b429', '004_5187200b7a039977'] as const;

/** One seed file's name, without `.txt`. */
export type SeedName = (typeof SEED_NAMES)[number];

/** The folder of seed texts; the same from `src/` and from `dist/`. */
const TEXTS = new URL('../texts/', import.meta.url);

/** The absolute path of a seed's text file. */
export function seedTextPath(seed: SeedName): string {
  return fileURLToPath(new URL(`${seed}.txt`, TEXTS));
}

/** A seed's text, exactly as extracted. */
export function readSeedText(seed: SeedName): string {
  return readFileSync(seedTextPath(seed), 'utf8');
}
