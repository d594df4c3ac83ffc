import type { PlanSnapshot } from '../schema/snapshot.js';
import { RAG_VALUES, type IsoDate } from '../values/values.js';
import { changedSince, listActions, overdueActions, ragSummary } from '../queries/queries.js';
import { RAG_KEY_LABELS, cell, type Block } from './document.js';
import { versionLine } from './plan-document.js';
import { actionTable, count } from './report-helpers.js';
import { latestPeriods, scorecardBlocks } from './scorecard-report.js';

const KEYS = [...RAG_VALUES, 'none'] as const;
const CHANGE_WORDS = { added: 'Added', edited: 'Edited', deleted: 'Deleted' } as const;

/**
 * The progress report for the board: RAG per priority (a chart and the same
 * figures as a table), overdue actions, red and amber actions with their
 * latest progress, and what changed since a date.
 */
export function progressReport(s: PlanSnapshot, today: IsoDate, since: string): Block[] {
  const summary = ragSummary(s);
  const totals = Object.fromEntries(KEYS.map((k) => [k, summary.reduce((n, r) => n + r.counts[k], 0)])) as Record<(typeof KEYS)[number], number>;
  const all = summary.reduce((n, r) => n + r.total, 0);
  const overdue = overdueActions(s, today);
  const offTrack = listActions(s).filter((r) => r.action.rag === 'red' || r.action.rag === 'amber');
  const changes = changedSince(s, since);
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `Progress report: ${s.title}` },
    { type: 'paragraph', label: 'As at', text: today },
  ];
  blocks.push({ type: 'paragraph', label: 'Plan', text: `${versionLine(s)}${s.period ? `, ${s.period.start} to ${s.period.end}` : ''}` });
  blocks.push({
    type: 'paragraph',
    label: 'Summary',
    text: `${count(all, 'action')}: ${
      KEYS.filter((k) => totals[k] > 0)
        .map((k) => `${totals[k]} ${RAG_KEY_LABELS[k].toLowerCase()}`)
        .join(', ') || 'none rated'
    }. ${count(overdue.length, 'action')} overdue.`,
  });
  blocks.push({ type: 'heading', level: 2, text: 'RAG by priority' });
  blocks.push({
    type: 'bar-chart',
    title: 'Actions at each RAG rating, by priority',
    bars: summary.map((r) => ({ label: `${r.number}. ${r.title}`, segments: KEYS.map((k) => ({ key: k, label: RAG_KEY_LABELS[k], count: r.counts[k] })) })),
  });
  blocks.push({
    type: 'table',
    caption: 'Actions at each RAG rating, by priority',
    columns: [{ title: 'Priority', width: 6 }, ...KEYS.map((k) => ({ title: RAG_KEY_LABELS[k], width: 1.2 })), { title: 'Total', width: 1.2 }],
    rows: [
      ...summary.map((r) => [cell(`${r.number}. ${r.title}`), ...KEYS.map((k) => cell(String(r.counts[k]))), cell(String(r.total))]),
      [cell('All priorities'), ...KEYS.map((k) => cell(String(totals[k]))), cell(String(all))],
    ],
  });
  blocks.push({ type: 'heading', level: 2, text: 'Overdue actions' });
  blocks.push(overdue.length ? actionTable(`Overdue on ${today}: unfinished actions past their due date`, overdue) : { type: 'paragraph', text: `No actions are overdue on ${today}.` });
  blocks.push({ type: 'heading', level: 2, text: 'Red and amber actions' });
  blocks.push(offTrack.length ? actionTable('Actions off track (red) or at risk (amber)', offTrack) : { type: 'paragraph', text: 'No actions are rated red or amber.' });
  blocks.push({ type: 'heading', level: 2, text: `What changed since ${since.slice(0, 10)}` });
  blocks.push(
    changes.length
      ? {
          type: 'table',
          caption: `Additions, edits and deletions since ${since.slice(0, 10)}, newest first`,
          columns: [
            { title: 'When', width: 1.6 },
            { title: 'What', width: 1.4 },
            { title: 'Item', width: 7 },
            { title: 'Change', width: 1.2 },
            { title: 'By', width: 2 },
          ],
          rows: changes.map((c) => [cell(c.at.slice(0, 10)), cell(c.kind === 'progress' ? 'progress update' : c.kind), cell(c.label), cell(CHANGE_WORDS[c.change]), cell(c.by)]),
        }
      : { type: 'paragraph', text: `Nothing changed in the plan since ${since.slice(0, 10)}.` },
  );
  blocks.push(...scorecardBlocks(s, latestPeriods(4), { level: 2, commentary: false, title: 'Performance scorecard' }));
  return blocks;
}
