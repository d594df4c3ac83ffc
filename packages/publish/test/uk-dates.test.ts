import * as Y from 'yjs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createPlan } from '@coplan/core';
import { exportPlan } from '../src/index.js';

/** A plan with a period, a dated progress update and a due date. */
function datedPlan() {
  return createPlan(new Y.Doc(), {
    title: 'Business Plan 2015/16',
    period: { start: '2015-04-01', end: '2016-03-31' },
    priorities: [
      {
        title: 'Neglect',
        objectives: [
          {
            text: 'Embed the toolkit',
            actions: [{ text: 'Train practitioners', timescale: 'By 31/03/16', updates: [{ date: '2016-01-10', author: 'Sam Patel', rag: 'green', narrative: 'Two courses run' }] }],
          },
        ],
      },
    ],
  }).snapshot();
}

async function published(format: 'docx' | 'html' | 'md'): Promise<string> {
  const out = await exportPlan(datedPlan(), format);
  if (format === 'docx') return (await mammoth.extractRawText({ buffer: Buffer.from(out as Uint8Array) })).value;
  return out as string;
}

describe('dates in published documents', () => {
  for (const format of ['docx', 'html', 'md'] as const) {
    it(`${format}: the period and progress dates are written as people in England write them`, async () => {
      const text = await published(format);
      expect(text).toContain('1 April 2015 to 31 March 2016');
      expect(text).toContain('(10 January 2016, Sam Patel)');
      expect(text).not.toMatch(/2015-04-01|2016-03-31|2016-01-10/);
    });
  }

  it('data files keep ISO days: the CSV register and JSON', async () => {
    const csv = (await exportPlan(datedPlan(), 'csv')) as string;
    expect(csv).toContain('2016-03-31');
    expect(csv).toContain('2016-01-10');
    expect(csv).not.toContain('March 2016');
    const json = (await exportPlan(datedPlan(), 'json')) as string;
    expect(json).toContain('"start": "2015-04-01"');
  });
});
