import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ragOf, reportingPeriods, trendOf, USUAL_THRESHOLDS, type Rag, type ThresholdRule } from '../../src/scorecard/thresholds.js';

const higher = { direction: 'higher' as const, rules: USUAL_THRESHOLDS };
const lower = { direction: 'lower' as const, rules: USUAL_THRESHOLDS };

describe('scorecard RAG from thresholds', () => {
  it('gives green at or better than target, amber within 10%, red otherwise, in either direction', () => {
    // Percentage of child protection plans reviewed on time: higher is better.
    expect([ragOf(higher, 96, 95), ragOf(higher, 95, 95), ragOf(higher, 86, 95), ragOf(higher, 85, 95)]).toEqual(['green', 'green', 'amber', 'red']);
    // Re-referrals within 12 months: lower is better.
    expect([ragOf(lower, 20, 22), ragOf(lower, 24, 22), ragOf(lower, 24.2, 22), ragOf(lower, 25, 22)]).toEqual(['green', 'amber', 'amber', 'red']);
  });

  it('takes the first rule a value meets, in the order given, and says nothing without a value or a target', () => {
    const strict: ThresholdRule[] = [
      { rag: 'green', when: { kind: 'within', amount: 2 } },
      { rag: 'amber', when: { kind: 'within', amount: 5 } },
    ];
    expect([ragOf({ direction: 'higher', rules: strict }, 48, 50), ragOf({ direction: 'higher', rules: strict }, 46, 50), ragOf({ direction: 'higher', rules: strict }, 40, 50)]).toEqual([
      'green',
      'amber',
      null,
    ]);
    expect([ragOf(higher, null, 95), ragOf(higher, 90, undefined), ragOf(higher, Number.NaN, 95)]).toEqual([null, null, null]);
  });

  it('never gives a better value a worse RAG (property)', () => {
    const rank: Record<Rag, number> = { green: 2, amber: 1, red: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom('higher' as const, 'lower' as const),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (direction, target, value, step) => {
          const better = direction === 'higher' ? value + step : value - step;
          const a = ragOf({ direction, rules: USUAL_THRESHOLDS }, value, target)!;
          const b = ragOf({ direction, rules: USUAL_THRESHOLDS }, better, target)!;
          expect(rank[b]).toBeGreaterThanOrEqual(rank[a]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('says whether the latest figure is better or worse than the one before, in the indicator’s direction', () => {
    expect(trendOf('higher', [80, null, 85])).toBe('better');
    expect(trendOf('lower', [80, 85])).toBe('worse');
    expect(trendOf('lower', [12, 12])).toBe('same');
    expect(trendOf('higher', [80])).toBe(null);
  });

  it('reports by quarters or half-years of the business year', () => {
    expect(reportingPeriods(2025, 'quarter')).toEqual([
      { label: 'Q1 2025/26', from: '2025-04-01', to: '2025-06-30' },
      { label: 'Q2 2025/26', from: '2025-07-01', to: '2025-09-30' },
      { label: 'Q3 2025/26', from: '2025-10-01', to: '2025-12-31' },
      { label: 'Q4 2025/26', from: '2026-01-01', to: '2026-03-31' },
    ]);
    expect(reportingPeriods(2099, 'half-year').map((p) => `${p.label} ${p.from} ${p.to}`)).toEqual(['H1 2099/00 2099-04-01 2099-09-30', 'H2 2099/00 2099-10-01 2100-03-31']);
  });
});

describe('threshold rules in words and the usual shape', () => {
  it('says the rules as a person would, and reads the amber band of the usual rules', async () => {
    const { rulesInWords, usualThresholdsWithin, amberPercentOf } = await import('../../src/scorecard/thresholds.js');
    expect(rulesInWords(USUAL_THRESHOLDS)).toBe('Green at or better than target; amber within 10% of it; otherwise red');
    expect(rulesInWords(usualThresholdsWithin(5))).toBe('Green at or better than target; amber within 5% of it; otherwise red');
    expect(amberPercentOf(usualThresholdsWithin(5))).toBe(5);
    expect(
      amberPercentOf([
        { rag: 'green', when: { kind: 'within', amount: 2 } },
        { rag: 'red', when: { kind: 'otherwise' } },
      ]),
    ).toBeNull();
    expect(
      rulesInWords([
        { rag: 'green', when: { kind: 'within', amount: 2 } },
        { rag: 'red', when: { kind: 'otherwise' } },
      ]),
    ).toBe('Green within 2 of it; otherwise red');
  });
});
