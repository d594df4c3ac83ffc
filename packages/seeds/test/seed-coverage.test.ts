import { describe, expect, it } from 'vitest';
import type { PlanInput } from '@coplan/core';
import { seedPlans } from '../src/index.js';
import { readSeedText } from '../src/texts.js';

/** Folds what extraction scattered: HTML, page furniture, line breaks, bullets, curly quotes and spacing. */
function fold(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/Page \d+ of \d+/g, ' ')
    .replace(/LSCP_Business Plan_2018\.21_V1\.1/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/[•·]/g, ' ')
    .replace(/(\w)-\s+(\w)/g, '$1-$2')
    .replace(/\s+/g, ' ')
    .replace(/\s([,.;:)])/g, '$1')
    .toLowerCase()
    .trim();
}

/** Every piece of text a fixture says the seed holds. */
function texts(input: PlanInput): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const p of input.priorities ?? []) {
    out.push(['priority', p.title]);
    for (const o of p.objectives ?? []) {
      for (const line of o.text.split('\n')) out.push(['objective', line]);
      for (const a of o.actions ?? []) {
        out.push(['action', a.text]);
        for (const m of a.milestones ?? []) out.push(['milestone', m.text]);
      }
    }
  }
  return out;
}

describe('the fixtures hold the seeds’ own words', () => {
  for (const { seed, input } of seedPlans) {
    it(`${seed}: every word of every priority, objective, action and milestone is the seed's`, () => {
      const source = fold(readSeedText(seed));
      const words = new Set(source.match(/[a-z0-9&'/-]+/g));
      // Extraction reflows cells across rows and pages, so whole sentences cannot always be found
      // verbatim; every word can, which catches paraphrase and invention.
      const foreign = texts(input).flatMap(([kind, t]) => (fold(t).match(/[a-z0-9&'/-]+/g) ?? []).filter((w) => !words.has(w)).map((w) => `${kind} "${t.slice(0, 50)}…": ${w}`));
      expect(foreign, foreign.join('\n')).toEqual([]);
    });

    it(`${seed}: most texts occur in the seed verbatim`, () => {
      const source = fold(readSeedText(seed));
      const all = texts(input);
      const verbatim = all.filter(([, t]) => source.includes(fold(t)));
      expect(verbatim.length / all.length).toBeGreaterThan(0.75);
    });
  }
});
