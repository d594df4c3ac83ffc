import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openPlan, planFromJson, planToJson, PlanError } from '../../src/index.js';
import { applyFigures, parsePeriod, periodLabel, periodOf, previewFigures, scorecardOf, setFigure, type FigureRow } from '../../src/scorecard-entry.js';
import { newPlan, replicaOf, smallPlanInput, steppingClock, syncAll } from '../helpers.js';

function row(indicator: string, period: string, actual: number | null, extra: Partial<FigureRow> = {}): FigureRow {
  return { indicator, period, actual, target: null, commentary: '', source: `row for ${indicator}`, ...extra };
}

/** A plan with one indicator under priority 1, reported quarterly, 95 the target. */
function planWithIndicator() {
  const plan = newPlan(smallPlanInput('Lincolnshire'), { user: 'Alice', now: steppingClock('2026-02-01T10:00:00.000Z') });
  const priorityId = plan.snapshot().priorities[0]!.id;
  const id = plan.create('indicator', { name: 'Referrals screened within one day', priorityId, owner: 'Children’s Services', unit: '%' });
  setFigure(plan, id, '2025-Q1', { actual: 96, target: 95 });
  setFigure(plan, id, '2025-Q2', { actual: 84, target: 95 });
  return { plan, id, priorityId };
}

describe('periods of the business year', () => {
  it('reads periods as spreadsheets head them and names them the UK way', () => {
    expect(parsePeriod('Q1 2025/26')).toBe('2025-Q1');
    expect(parsePeriod('2025/26 Q3')).toBe('2025-Q3');
    expect(parsePeriod('Q4 25/26')).toBe('2025-Q4');
    expect(parsePeriod('H2 2025-26')).toBe('2025-H2');
    expect(parsePeriod('Quarter 2 2024/25')).toBe('2024-Q2');
    expect(parsePeriod('Target')).toBeNull();
    expect(parsePeriod('Q1 2025/27')).toBeNull();
    expect(parsePeriod('H3 2025/26')).toBeNull();
    expect(periodLabel('2025-H2')).toBe('H2 2025/26');
    expect(periodOf('2026-02-10', 'quarter')).toBe('2025-Q4');
    expect(periodOf('2025-04-01', 'half-year')).toBe('2025-H1');
  });
});

describe('an indicator’s figures in the plan', () => {
  it('gives each figure its RAG from the rules, never by hand, and the trend', () => {
    const { plan } = planWithIndicator();
    const card = scorecardOf(plan.snapshot());
    const ind = card.groups[0]!.indicators[0]!;
    expect(card.groups[0]!.title).toMatch(/^1\. /);
    expect(ind.figures.map((f) => [f.label, f.rag])).toEqual([
      ['Q1 2025/26', 'green'],
      ['Q2 2025/26', 'red'],
    ]);
    expect(ind.trend).toBe('worse');
    expect(card.latestRags).toEqual({ green: 0, amber: 0, red: 1, none: 0 });
  });

  it('follows the indicator’s direction and its own rules', () => {
    const { plan, id } = planWithIndicator();
    plan.update('indicator', id, {
      direction: 'lower',
      thresholds: [
        { rag: 'green', when: { kind: 'meets-target' } },
        { rag: 'amber', when: { kind: 'within', amount: 5 } },
        { rag: 'red', when: { kind: 'otherwise' } },
      ],
    });
    const figs = scorecardOf(plan.snapshot()).groups[0]!.indicators[0]!.figures;
    expect(figs.map((f) => f.rag)).toEqual(['amber', 'green']);
  });

  it('refuses bad figures and rules with a message saying what to give', () => {
    const { plan, id } = planWithIndicator();
    expect(() => plan.update('indicator', id, { figures: [{ period: 'spring', actual: 1, target: null, commentary: '' }] })).toThrow(/period written like 2025-Q1/);
    expect(() => setFigure(plan, id, '2025-Q3', { actual: Number.NaN })).toThrow(/actual for 2025-Q3 must be a number/);
    expect(() => plan.update('indicator', id, { thresholds: [{ rag: 'green', when: { kind: 'within-percent', percent: -1 } }] as never })).toThrow(PlanError);
    expect(plan.get('indicator', id)!.figures).toHaveLength(2);
  });

  it('keeps figures through Coplan’s JSON', () => {
    const { plan } = planWithIndicator();
    const back = newPlan(planFromJson(planToJson(plan.snapshot())));
    expect(back.snapshot().indicators[0]!.figures).toEqual(plan.snapshot().indicators[0]!.figures);
    expect(back.snapshot().indicators[0]!.owner).toBe('Children’s Services');
  });

  it('opens a plan saved before the scorecard: its indicators read the usual rules and no figures', () => {
    const old = newPlan();
    const id = old.create('indicator', { name: 'Old indicator', target: '90%' });
    // What the first layout stored: no owner, direction, frequency, rules or figures.
    const map = (old.doc.getMap('coplan:indicator') as Y.Map<Y.Map<unknown>>).get(id)!;
    old.doc.transact(() => {
      for (const k of ['owner', 'direction', 'every', 'thresholds']) map.delete(k);
    });
    const reopened = openPlan(replicaOf(old.doc));
    const ind = reopened.get('indicator', id)!;
    expect([ind.direction, ind.every, ind.owner, ind.figures]).toEqual(['higher', 'quarter', '', []]);
    expect(ind.thresholds[0]).toEqual({ rag: 'green', when: { kind: 'meets-target' } });
    setFigure(reopened, id, '2025-Q1', { actual: 80, target: 90 });
    expect(scorecardOf(reopened.snapshot()).groups[0]!.indicators[0]!.latest!.rag).toBe('red');
  });
});

describe('bringing figures in from a spreadsheet', () => {
  it('previews what would change, what is new and what could not be taken, writing nothing', () => {
    const { plan } = planWithIndicator();
    const before = plan.snapshot();
    const preview = previewFigures(plan.snapshot(), [
      row('Referrals screened within one day', '2025-Q2', 84),
      row('referrals screened within ONE day', '2025-Q3', 91, { target: 95 }),
      row('Children seen within 5 days', '2025-Q3', 70, { priority: '1' }),
      row('Children seen within 5 days', '2025-H2', 72),
      row('Audits done', '2025-Q3', 3, { priority: 'Nonexistent' }),
    ]);
    expect(preview.unchanged).toBe(1);
    expect(preview.changes.map((c) => `${c.indicator} ${c.periodLabel} ${c.field} ${c.from}→${c.to}`)).toEqual([
      'Referrals screened within one day Q3 2025/26 actual null→91',
      'Referrals screened within one day Q3 2025/26 target null→95',
      'Children seen within 5 days Q3 2025/26 actual null→70',
      'Audits done Q3 2025/26 actual null→3',
    ]);
    expect(preview.newIndicators.map((n) => n.name)).toEqual(['Children seen within 5 days', 'Audits done']);
    expect(preview.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/reported each quarter, so a half-year figure does not fit/), expect.stringMatching(/No priority "Nonexistent"/)]);
    expect(plan.snapshot()).toEqual(before);
  });

  it('applies them as one step that one undo takes back', () => {
    const { plan, priorityId } = planWithIndicator();
    applyFigures(plan, [
      row('Referrals screened within one day', '2025-Q3', 91, { target: 95, commentary: 'Recovering' }),
      row('Children seen within 5 days', '2025-Q3', 70, { priority: '1', owner: 'Police', target: 80 }),
    ]);
    const s = plan.snapshot();
    expect(s.indicators.map((i) => [i.name, i.figures.length, i.priorityId === priorityId])).toEqual([
      ['Referrals screened within one day', 3, true],
      ['Children seen within 5 days', 1, true],
    ]);
    expect(s.indicators[0]!.figures[2]).toEqual({ period: '2025-Q3', actual: 91, target: 95, commentary: 'Recovering' });
    expect(s.indicators[1]!.owner).toBe('Police');
    plan.undo();
    expect(plan.snapshot().indicators.map((i) => i.figures.length)).toEqual([2]);
  });
});

describe('partners entering figures offline', () => {
  it('merges two partners’ figures for one indicator, different periods and cells alike', () => {
    const { plan: alice, id } = planWithIndicator();
    const bob = openPlan(replicaOf(alice.doc), { user: 'Bob', now: steppingClock('2026-02-01T11:00:00.000Z') });
    setFigure(alice, id, '2025-Q3', { actual: 90 });
    setFigure(alice, id, '2025-Q2', { commentary: 'Staff sickness' });
    setFigure(bob, id, '2025-Q3', { target: 95 });
    setFigure(bob, id, '2025-Q4', { actual: 97, target: 95 });
    syncAll([alice.doc, bob.doc]);
    const expected = [
      { period: '2025-Q1', actual: 96, target: 95, commentary: '' },
      { period: '2025-Q2', actual: 84, target: 95, commentary: 'Staff sickness' },
      { period: '2025-Q3', actual: 90, target: 95, commentary: '' },
      { period: '2025-Q4', actual: 97, target: 95, commentary: '' },
    ];
    expect(alice.get('indicator', id)!.figures).toEqual(expected);
    expect(bob.get('indicator', id)!.figures).toEqual(expected);
  });

  it('settles the same figure entered on two devices on one value everywhere', () => {
    const { plan: alice, id } = planWithIndicator();
    const bob = openPlan(replicaOf(alice.doc), { user: 'Bob' });
    setFigure(alice, id, '2025-Q3', { actual: 90 });
    setFigure(bob, id, '2025-Q3', { actual: 91 });
    syncAll([alice.doc, bob.doc]);
    const a = alice.get('indicator', id)!.figures[2]!.actual;
    expect([90, 91]).toContain(a);
    expect(bob.get('indicator', id)!.figures[2]!.actual).toBe(a);
  });

  it('keeps a figure entered while a partner deleted the indicator: in the bin with it, back on restore', () => {
    const { plan: alice, id } = planWithIndicator();
    const bob = openPlan(replicaOf(alice.doc), { user: 'Bob' });
    alice.delete('indicator', id);
    setFigure(bob, id, '2025-Q3', { actual: 93, commentary: 'Entered offline' });
    syncAll([alice.doc, bob.doc]);
    expect(scorecardOf(alice.snapshot()).groups).toEqual([]);
    expect(alice.snapshot().bin.map((b) => [b.kind, b.label])).toEqual([['indicator', 'Referrals screened within one day']]);
    // Entering more into a binned indicator says so, and what to do.
    expect(() => setFigure(alice, id, '2025-Q4', { actual: 1 })).toThrow(/in the bin; restore it before changing it/);
    alice.restore('indicator', id);
    expect(alice.get('indicator', id)!.figures[2]).toEqual({ period: '2025-Q3', actual: 93, target: null, commentary: 'Entered offline' });
  });
});
