import { describe, expect, it } from 'vitest';
import { holdsParagraphs } from '../src/index.js';
import { KINDS, META_FIELDS } from '../src/schema/schema.js';

describe('holdsParagraphs: which text fields take new lines', () => {
  it('narratives, impact, the vision and context statements do; titles, action text and timescales do not', () => {
    for (const [kind, field] of [
      ['plan', 'vision'],
      ['plan', 'introduction'],
      ['objective', 'impact'],
      ['action', 'impact'],
      ['progress', 'narrative'],
      ['context', 'text'],
    ] as const)
      expect(holdsParagraphs(kind, field), `${kind}.${field}`).toBe(true);
    for (const [kind, field] of [
      ['plan', 'title'],
      ['priority', 'title'],
      ['action', 'text'],
      ['action', 'timescale'],
      ['milestone', 'text'],
    ] as const)
      expect(holdsParagraphs(kind, field), `${kind}.${field}`).toBe(false);
  });

  it('names only text fields the model has', () => {
    const text = (kind: string, field: string) => (kind === 'plan' ? META_FIELDS[field] : KINDS[kind as keyof typeof KINDS]?.fields[field])?.type === 'text';
    const all = [...Object.keys(META_FIELDS).map((f) => ['plan', f] as const), ...Object.entries(KINDS).flatMap(([k, spec]) => Object.keys(spec.fields).map((f) => [k, f] as const))];
    const paragraphs = all.filter(([kind, field]) => holdsParagraphs(kind as never, field));
    for (const [kind, field] of paragraphs) expect(text(kind, field), `${kind}.${field}`).toBe(true);
    // All eight it names are fields of the model (none misspelt).
    expect(paragraphs).toHaveLength(8);
  });
});
