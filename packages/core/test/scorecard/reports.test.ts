import { describe, expect, it } from 'vitest';
import { buildReport, type PlanSnapshot } from '../../src/index.js';
import { SCORECARD_COLUMNS, scorecardRows, type Block, type TableBlock } from '../../src/formats.js';
import { applyFigures } from '../../src/scorecard-entry.js';
import { newPlan, smallPlanInput } from '../helpers.js';

function snapshotWithFigures(): PlanSnapshot {
  const plan = newPlan(smallPlanInput('Lincolnshire'));
  const row = (period: string, actual: number, commentary = '') => ({ indicator: 'Referrals screened within one day', priority: '1', period, actual, target: 95, commentary, source: 'test' });
  // Two quarters of 2024/25 and two of 2025/26.
  applyFigures(plan, [row('2024-Q3', 80), row('2024-Q4', 97, 'New triage'), row('2025-Q1', 96), row('2025-Q2', 90, 'Staff sickness')]);
  return plan.snapshot();
}

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const headings = (blocks: Block[]) => blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text);

describe('the scorecard in the reports', () => {
  it('the scorecard report: the latest four periods, each figure with its RAG, the trend and the commentary', () => {
    const report = buildReport(snapshotWithFigures(), 'scorecard', { today: '2025-11-01' });
    expect(report.title).toBe('Performance scorecard: Lincolnshire Business Plan');
    const [figures, said] = tables(report.document.blocks);
    expect(figures!.columns.map((c) => c.title)).toEqual(['Indicator', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26', 'Q2 2025/26', 'Trend']);
    expect(figures!.rows[0]!.slice(1, 5).map((c) => c!.rag)).toEqual(['red', 'green', 'green', 'amber']);
    expect(figures!.rows[0]![5]!.lines).toEqual(['Worse']);
    expect(said!.rows.map((r) => r.map((c) => c!.lines.join(' ')))).toEqual([
      ['Referrals screened within one day', 'Q4 2024/25', 'New triage'],
      ['Referrals screened within one day', 'Q2 2025/26', 'Staff sickness'],
    ]);
  });

  it('the annual report shows only the periods of its year, apart from the action sections', () => {
    const report = buildReport(snapshotWithFigures(), 'annual', { today: '2025-11-01', year: { start: '2024-04-01', end: '2025-03-31' } });
    expect(headings(report.document.blocks)).toContain('Performance scorecard 2024/25');
    const table = tables(report.document.blocks).find((t) => t.columns.some((c) => c.title.startsWith('Q')))!;
    expect(table.columns.map((c) => c.title)).toEqual(['Indicator', 'Q3 2024/25', 'Q4 2024/25', 'Trend']);
  });

  it('the progress report ends with the scorecard; a plan without figures has no scorecard section', () => {
    expect(headings(buildReport(snapshotWithFigures(), 'progress', { today: '2025-11-01' }).document.blocks).at(-2)).toBe('Performance scorecard');
    expect(headings(buildReport(newPlan(smallPlanInput('Rutland')).snapshot(), 'progress', { today: '2025-11-01' }).document.blocks)).not.toContain('Performance scorecard');
    expect(buildReport(newPlan().snapshot(), 'scorecard', { today: '2025-11-01' }).document.blocks.at(-1)).toEqual({ type: 'paragraph', text: 'The plan has no indicators with figures yet.' });
  });

  it('gives the spreadsheet rows: one per indicator and period, figures as numbers', () => {
    const rows = scorecardRows(snapshotWithFigures());
    expect(SCORECARD_COLUMNS).toHaveLength(rows[0]!.length);
    expect(rows[3]).toEqual(['1. Neglect', 'Referrals screened within one day', '', '', 'higher', 'Q2 2025/26', 90, 95, 'amber', 'Staff sickness']);
  });
});
