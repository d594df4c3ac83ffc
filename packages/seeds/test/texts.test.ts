import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSeedText, SEED_NAMES, seedTextPath } from '../src/texts.js';

describe('the seed texts', () => {
  it('ships one text file per seed name, and nothing else', () => {
    const files = readdirSync(fileURLToPath(new URL('../texts/', import.meta.url))).filter((f) => f.endsWith('.txt'));
    expect(files.sort()).toEqual(SEED_NAMES.map((s) => `${s}.txt`));
  });

  it('reads each seed by name', () => {
    expect(readSeedText('002_70289ed330aeee55')).toContain('LSCB Business Plan 2015/16');
    expect(readSeedText('004_5187200b7a039977')).toContain('Covid-19 context statement');
    expect(seedTextPath('000_b1e6cc473b1acf17')).toMatch(/texts[\\/]000_b1e6cc473b1acf17\.txt$/);
  });
});
