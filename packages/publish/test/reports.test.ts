import * as Y from 'yjs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { annualReportYears, buildReport, createPlan, listActions, PlanError, ragSummary, type Report, type ReportKind } from '@coplan/core';
import { exportReport } from '../src/index.js';
import { seedPlans } from '@coplan/seeds';

/** The Lancashire plan written on 1 October 2015, with progress reported through the winter. */
function planWithProgress() {
  let now = new Date('2015-10-01T09:00:00Z');
  const plan = createPlan(new Y.Doc(), seedPlans[1]!.input, { user: 'Business Manager', now: () => now });
  const rows = listActions(plan.snapshot());
  const at = (iso: string) => (now = new Date(iso));
  at('2015-11-02T10:00:00Z');
  plan.create('progress', { date: '2015-11-02', author: 'CSE co-ordinator', rag: 'red', narrative: 'Strategy refresh has not started' }, { parentId: rows[0]!.action.id });
  at('2016-01-20T10:00:00Z');
  plan.create('progress', { date: '2016-01-20', author: 'QA Sub chair', rag: 'amber', narrative: 'Audit delayed by a month' }, { parentId: rows[1]!.action.id });
  plan.create('progress', { date: '2016-01-21', author: 'L&D Sub chair', rag: 'blue', narrative: 'Training delivered to 240 staff' }, { parentId: rows[2]!.action.id });
  plan.update('action', rows[2]!.action.id, { status: 'complete', impact: 'Referrals from schools up by a third' });
  plan.update('action', rows[3]!.action.id, { timescale: 'December 2015' });
  return { plan, rows };
}

async function text(report: Report, format: 'docx' | 'html' | 'md'): Promise<string> {
  const out = await exportReport(report, format);
  if (format === 'docx') return (await mammoth.extractRawText({ buffer: Buffer.from(out as Uint8Array) })).value;
  return out as string;
}

describe('progress report', () => {
  it('gives RAG per priority (chart and table), the overdue actions, red and amber actions, and what changed since a date', async () => {
    const { plan, rows } = planWithProgress();
    const s = plan.snapshot();
    const report = buildReport(s, 'progress', { today: '2016-02-01', since: '2016-01-01' });
    expect(report.title).toBe(`Progress report: ${s.title}`);
    const blocks = report.document.blocks;
    const chart = blocks.find((b) => b.type === 'bar-chart');
    expect(chart && chart.type === 'bar-chart' && chart.bars.map((b) => b.segments.reduce((n, x) => n + x.count, 0))).toEqual(ragSummary(s).map((r) => r.total));
    const html = await text(report, 'html');
    expect(html).toContain('<svg role="img"');
    const ragTable = html.slice(html.indexOf('<caption>Actions at each RAG rating'));
    expect(ragTable).toMatch(/<th scope="col">Red<\/th><th scope="col">Amber<\/th><th scope="col">Green<\/th>/);
    const first = ragSummary(s)[0]!;
    expect(first.counts).toMatchObject({ red: 1, amber: 1, blue: 1 });
    expect(ragTable).toContain(`<td><p>${first.number}. ${first.title}</p></td><td><p>1</p></td><td><p>1</p></td><td><p>0</p></td><td><p>1</p></td>`);
    // Overdue on 1 February 2016: the action due in December 2015, and nothing finished.
    const overdue = html.slice(html.indexOf('<h2>Overdue actions</h2>'), html.indexOf('<h2>Red and amber actions</h2>'));
    expect(overdue).toContain(rows[3]!.action.text.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    expect(overdue).not.toContain(rows[2]!.action.text.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    const offTrack = html.slice(html.indexOf('<h2>Red and amber actions</h2>'), html.indexOf('<h2>What changed'));
    expect(offTrack).toContain('Strategy refresh has not started');
    expect(offTrack).toContain('Audit delayed by a month');
    // Since 1 January: the January updates and edits, not November's.
    const changes = html.slice(html.indexOf('<h2>What changed since 2016-01-01</h2>'));
    expect(changes).toContain('Training delivered to 240 staff');
    expect(changes).toContain('<td><p>Business Manager</p></td>'); // who made the change in Coplan
    expect(changes).not.toContain('Strategy refresh has not started');
    const word = await text(report, 'docx');
    for (const heading of ['RAG by priority', 'Overdue actions', 'Red and amber actions', 'What changed since 2016-01-01', 'Audit delayed by a month']) expect(word).toContain(heading);
  });

  it('says so when nothing is overdue and nothing changed', async () => {
    const s = createPlan(new Y.Doc(), seedPlans[1]!.input, { now: () => new Date('2015-10-01T09:00:00Z') }).snapshot();
    const md = await text(buildReport(s, 'progress', { today: '2015-10-02', since: '2015-10-02' }), 'md');
    expect(md).toContain('No actions are overdue on 2015-10-02.');
    expect(md).toContain('Nothing changed in the plan since 2015-10-02.');
  });
});

describe('report per lead', () => {
  it('lists what each lead owns, with what is overdue and what is due soon', async () => {
    const { plan } = planWithProgress();
    const s = plan.snapshot();
    const report = buildReport(s, 'lead', { today: '2016-02-01', withinDays: 60 });
    const md = await text(report, 'md');
    const leads = new Set(listActions(s).flatMap((r) => r.action.leads.map((l) => l.name)));
    for (const lead of leads) expect(md).toContain(`## ${lead}`);
    expect(md).toContain('due by 2016-04-01 (within 60 days)');
    // The register's leads with the actions they hold.
    const qa = listActions(s).filter((r) => r.action.leads.some((l) => l.name === 'QA Sub'));
    expect(qa.length).toBeGreaterThan(0);
    const section = md.slice(md.indexOf('## QA Sub\n'));
    expect(section).toContain(`${qa.length} action${qa.length === 1 ? '' : 's'}`);
    // Lancashire's actions are mostly due by 31/03/16: due soon on 1 February with 60 days' notice.
    expect(section).toMatch(/\| Due soon \|/);
    expect(md).toMatch(/\| Overdue \|/);
  });
});

describe('annual report draft', () => {
  it('gathers, per priority, what was done in the business year, the progress narratives and the impact recorded', async () => {
    const { plan, rows } = planWithProgress();
    const s = plan.snapshot();
    const report = buildReport(s, 'annual', { today: '2016-05-10' });
    // In May 2016 the report is for the year just ended: April 2015 to March 2016, the plan's own year.
    expect(report.title).toBe(`Annual report 2015/16 (draft): ${s.title}`);
    const md = await text(report, 'md');
    expect(md.match(/^## Priority \d: /gm)).toHaveLength(s.priorities.length);
    expect(md).toContain(`${rows[2]!.action.text} (finished)`);
    expect(md).toContain('Training delivered to 240 staff');
    expect(md).toContain('Referrals from schools up by a third');
    expect(md).toContain('1 action finished and 3 progress updates recorded in 2015/16');
    const later = await text(buildReport(s, 'annual', { year: { start: '2016-04-01', end: '2017-03-31' } }), 'md');
    expect(later).not.toContain('Training delivered to 240 staff');
    expect(later).toContain('No action under this priority was finished or reported on in 2016/17.');
  });
});

describe('the years an annual report can cover', () => {
  it("offers the plan's years and the last six, and chooses the last year that has ended, or the plan's own last year", () => {
    const lancashire = createPlan(new Y.Doc(), seedPlans[1]!.input).snapshot(); // April 2015 to March 2016
    const { years, chosen } = annualReportYears(lancashire, '2026-11-25');
    expect(chosen).toEqual({ start: '2015-04-01', end: '2016-03-31' });
    expect(years.map((y) => y.start.slice(0, 4))).toEqual(['2026', '2025', '2024', '2023', '2022', '2021', '2015']);
    const current = createPlan(new Y.Doc(), { title: 'Plan 2026-29', period: { start: '2026-04-01', end: '2029-03-31' } }).snapshot();
    expect(annualReportYears(current, '2026-11-25').chosen).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(annualReportYears(current, '2027-04-01').chosen).toEqual({ start: '2026-04-01', end: '2027-03-31' });
    expect(annualReportYears(current, '2026-11-25').years[0]).toEqual({ start: '2028-04-01', end: '2029-03-31' });
  });
});

describe('every report in every format', () => {
  for (const kind of ['progress', 'lead', 'annual'] as ReportKind[]) {
    it(`${kind}: Word with real headings, page numbers and the plan's title; HTML ready to print; Markdown`, async () => {
      const { plan } = planWithProgress();
      const report = buildReport(plan.snapshot(), kind, { today: '2016-02-01' });
      const docx = (await exportReport(report, 'docx')) as Uint8Array;
      const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx) })).value;
      expect(html).toContain(`<h1>${report.title.replace(/&/g, '&amp;')}</h1>`);
      expect(html).toMatch(/<h2>/);
      const page = (await exportReport(report, 'html')) as string;
      expect(page).toContain('counter(pages)');
      expect(page).toMatch(/<h1>[^<]+<\/h1>/);
      expect(((await exportReport(report, 'md')) as string).startsWith(`# ${report.title}\n`)).toBe(true);
    });
  }
});

describe('bad options', () => {
  it('are refused with what to give instead', async () => {
    const s = createPlan(new Y.Doc(), seedPlans[1]!.input).snapshot();
    expect(() => buildReport(s, 'progress', { today: '31/03/2016' })).toThrow(/"31\/03\/2016" is not a date\. Give it as YYYY-MM-DD/);
    expect(() => buildReport(s, 'progress', { since: 'last week' })).toThrow(PlanError);
    expect(() => buildReport(s, 'progress', { today: '2026-02-30' })).toThrow(/"2026-02-30" is not a date/);
    expect(buildReport(s, 'progress', { today: '2028-02-29' }).today).toBe('2028-02-29');
    expect(() => buildReport(s, 'lead', { withinDays: -5 })).toThrow(/whole number of days from 0 to 3660/);
    expect(() => buildReport(s, 'annual', { year: { start: '2017-04-01', end: '2016-03-31' } })).toThrow(/start date to a later end date/);
    expect(() => buildReport(s, 'weekly' as ReportKind)).toThrow(/"weekly" is not a kind of report\. Choose progress, lead, annual, governance or scorecard/);
    const report = buildReport(s, 'lead');
    await expect(exportReport(report, 'pdf' as 'md')).rejects.toThrow(/"pdf" is not a report format\. Choose docx, html, md or csv/);
  });
});

describe('a plan with nothing in it yet', () => {
  it('still publishes in every format and reports, saying there is nothing to report', async () => {
    const s = createPlan(new Y.Doc(), { title: 'New plan' }).snapshot();
    expect(await text(buildReport(s, 'lead', { today: '2026-11-25' }), 'md')).toContain('No action in the plan names a lead yet.');
    expect(await text(buildReport(s, 'progress', { today: '2026-11-25' }), 'docx')).toContain('No actions are overdue on 2026-11-25.');
    // In November 2026 the statutory report is for the year that has ended, 2025/26.
    expect(await text(buildReport(s, 'annual', { today: '2026-11-25' }), 'html')).toContain('0 priorities; 0 actions finished and 0 progress updates recorded in 2025/26');
  });
});
