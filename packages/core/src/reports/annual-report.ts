import type { PlanSnapshot } from '../schema/snapshot.js';
import type { IsoDate } from '../values/values.js';
import { isComplete } from '../queries/queries.js';
import { cell, type Block } from './document.js';
import { paragraphs } from './plan-document.js';
import { count } from './report-helpers.js';
import { annualScorecard } from './scorecard-report.js';

/** "2015/16". */
function yearLabel(year: { start: IsoDate; end: IsoDate }): string {
  const a = year.start.slice(0, 4);
  const b = year.end.slice(0, 4);
  return a === b ? a : `${a}/${b.slice(2)}`;
}

/**
 * A draft of the statutory annual report: for each priority, what was done
 * in the year (actions finished, progress recorded), the progress narratives
 * in date order, and the impact recorded; then the scorecard readings.
 * A draft for the business manager to edit, not a finished report.
 */
export function annualReport(s: PlanSnapshot, year: { start: IsoDate; end: IsoDate }): Block[] {
  const inYear = (d: string) => d >= year.start && d <= year.end;
  const label = yearLabel(year);
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `Annual report ${label} (draft): ${s.title}` },
    {
      type: 'paragraph',
      text: `This draft gathers what the plan records for ${year.start} to ${year.end}: the work done on each priority, the progress reported and the impact recorded. Edit it before it is published.`,
    },
  ];
  if (s.vision) blocks.push({ type: 'paragraph', label: 'Our vision', text: s.vision });
  let finishedAll = 0;
  let updatesAll = 0;
  const sections: Block[] = [];
  for (const p of s.priorities) {
    const actions = p.objectives.flatMap((o) => o.actions.map((a) => ({ o, a })));
    const updates = actions.flatMap(({ a }) => a.updates.filter((u) => inYear(u.date)).map((u) => ({ a, u })));
    const finished = actions.filter(({ a }) => isComplete(a) && (a.updates.some((u) => inYear(u.date)) || inYear(a.updatedAt.slice(0, 10))));
    finishedAll += finished.length;
    updatesAll += updates.length;
    sections.push({ type: 'heading', level: 2, text: `Priority ${p.number}: ${p.title}`, pageBreak: true });
    if (p.aim) sections.push({ type: 'paragraph', label: 'Aim', text: p.aim });
    sections.push({ type: 'heading', level: 3, text: 'What was done' });
    const done = [...new Set([...finished.map(({ a }) => a), ...updates.map(({ a }) => a)])];
    sections.push(
      done.length
        ? { type: 'list', items: done.map((a) => `${a.text}${isComplete(a) ? ' (finished)' : ''}${a.leads.length ? ` — ${a.leads.map((l) => l.name).join(', ')}` : ''}`) }
        : { type: 'paragraph', text: `No action under this priority was finished or reported on in ${label}.` },
    );
    if (updates.length) {
      sections.push({ type: 'heading', level: 3, text: 'Progress reported' });
      sections.push({
        type: 'table',
        caption: `Progress updates in ${label}, oldest first`,
        columns: [
          { title: 'Date', width: 1.5 },
          { title: 'Action', width: 4 },
          { title: 'RAG', width: 1.3 },
          { title: 'Progress', width: 7 },
        ],
        rows: updates
          .sort((x, y) => (x.u.date < y.u.date ? -1 : x.u.date > y.u.date ? 1 : 0))
          .map(({ a, u }) => [cell(u.date), cell(a.text), { rag: u.rag, lines: [] }, cell(u.narrative, u.evidence ? `Evidence: ${u.evidence}` : '', u.author ? `— ${u.author}` : '')]),
      });
    }
    const impact = [...p.objectives.filter((o) => o.impact).map((o) => `${o.text}: ${o.impact}`), ...actions.filter(({ a }) => a.impact).map(({ a }) => `${a.text}: ${a.impact}`)];
    sections.push({ type: 'heading', level: 3, text: 'Impact' });
    sections.push(impact.length ? { type: 'list', items: impact } : { type: 'paragraph', text: 'No impact is recorded against this priority yet.' });
    const indicators = s.indicators.filter((i) => i.priorityId === p.id && i.values.some((v) => inYear(v.date)));
    if (indicators.length) sections.push(scorecard(`Scorecard readings for priority ${p.number} in ${label}`, indicators, inYear));
  }
  blocks.push({
    type: 'paragraph',
    label: 'In brief',
    text: `${count(s.priorities.length, 'priority', 'priorities')}; ${count(finishedAll, 'action')} finished and ${count(updatesAll, 'progress update')} recorded in ${label}.`,
  });
  blocks.push(...sections);
  const general = s.indicators.filter((i) => !i.priorityId && i.values.some((v) => inYear(v.date)));
  if (general.length) blocks.push({ type: 'heading', level: 2, text: 'Scorecard', pageBreak: true }, scorecard(`Scorecard readings in ${label}`, general, inYear));
  blocks.push(...annualScorecard(s, year, label));
  for (const c of s.contextStatements) if (c.text) blocks.push({ type: 'heading', level: 2, text: c.title || 'Context' }, ...paragraphs(c.text));
  return blocks;
}

function scorecard(caption: string, indicators: PlanSnapshot['indicators'], inYear: (d: string) => boolean): Block {
  return {
    type: 'table',
    caption,
    columns: [
      { title: 'Indicator', width: 5 },
      { title: 'Target', width: 2 },
      { title: 'Readings', width: 5 },
    ],
    rows: indicators.map((i) => [
      cell(i.name),
      cell(i.target),
      cell(...i.values.filter((v) => inYear(v.date)).map((v) => `${v.date}: ${v.value}${i.unit ? ` ${i.unit}` : ''}${v.note ? ` (${v.note})` : ''}`)),
    ]),
  };
}
