import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { previewImport } from '../src/index.js';
import { readSeedText } from '@coplan/seeds/texts';

const row = (cells: string[]) => new TableRow({ children: cells.map((t) => new TableCell({ children: t.split('\n').map((l) => new Paragraph(l)) })) });

describe('a plan that serves two partnerships', () => {
  it('comes in with both partnerships, each action’s per-partnership parts, and lead names without the partnership’s prefix', async () => {
    const data = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph('Joint Safeguarding Children Partnerships Business Plan 2024-25'),
                new Paragraph('Priority 1: Child exploitation'),
                new Table({
                  rows: [
                    row(['Objective', 'Action', 'Lead', 'Timescale']),
                    row([
                      'Understand exploitation across both areas',
                      'NSCP: Commission a county problem profile WSCP: Refresh the city problem profile',
                      'NSCP: Exploitation Sub-group WSCP: Missing and Exploited Panel',
                      'NSCP: March 2025 WSCP: December 2024',
                    ]),
                    row(['', 'Agree one exploitation screening tool', 'NSCP: County Business Manager WSCP: City Business Manager', 'June 2024']),
                  ],
                }),
              ],
            },
          ],
        }),
      ),
    );
    const preview = await previewImport({ name: 'joint-plan.docx', data });
    expect(preview.plan.partnerships).toEqual([
      { name: 'NSCP', shortName: 'NSCP' },
      { name: 'WSCP', shortName: 'WSCP' },
    ]);
    const [first, second] = preview.plan.priorities![0]!.objectives![0]!.actions!;
    expect(first!.variants).toEqual([
      { partnership: 'NSCP', leads: ['Exploitation Sub-group'], timescale: 'March 2025', text: 'Commission a county problem profile' },
      { partnership: 'WSCP', leads: ['Missing and Exploited Panel'], timescale: 'December 2024', text: 'Refresh the city problem profile' },
    ]);
    expect(second).toMatchObject({ text: 'Agree one exploitation screening tool', timescale: 'June 2024' });
    expect(second!.variants!.map((v) => [v.partnership, v.leads])).toEqual([
      ['NSCP', ['County Business Manager']],
      ['WSCP', ['City Business Manager']],
    ]);
    // No lead in the registry keeps a partnership's prefix.
    expect(preview.plan.leads!.map((l) => l.name).filter((n) => /^[A-Z]+:/.test(n))).toEqual([]);
    expect(preview.notImported).toEqual([]);
  });

  it('reads the LLR plan (seed 004) with LRSCP and LSCPB, their parts of each action apart', async () => {
    const preview = await previewImport({ name: 'pasted text', data: readSeedText('004_5187200b7a039977') });
    expect(preview.plan.partnerships!.map((p) => p.shortName)).toEqual(['LRSCP', 'LSCPB']);
    const actions = preview.plan.priorities!.flatMap((p) => (p.objectives ?? []).flatMap((o) => o.actions ?? []));
    const reviews = actions.find((a) => a.text.startsWith('Each partnership will undertake Local Safeguarding Children Practice Reviews'))!;
    expect(reviews.leads).toBeUndefined();
    expect(reviews.variants!.map((v) => v.partnership)).toEqual(['LRSCP', 'LSCPB']);
    expect(reviews.variants![0]!.leads![0]).toMatch(/^Chair of LRSCP Case Review Group/);
  });
});
