import type { PlanSnapshot } from '../schema/snapshot.js';
import { scorecardOf, type Scorecard, type ScorecardIndicator } from '../queries/scorecard.js';
import { periodDates, periodLabel } from '../scorecard/periods.js';
import { cell, type Block, type TableCell } from './document.js';
import { count } from './report-helpers.js';

const TREND = { better: 'Better', worse: 'Worse', same: 'Same' } as const;

function figureCell(i: ScorecardIndicator, period: string): TableCell {
  const f = i.figures.find((x) => x.period === period);
  if (!f || (f.actual === null && f.target === null)) return cell('—');
  const unit = i.unit === '%' ? '%' : '';
  return { lines: [f.actual === null ? 'No figure' : `${f.actual}${unit}`, f.target === null ? 'No target' : `Target ${f.target}${unit}`], rag: f.rag ?? 'none' };
}

/**
 * The scorecard as report blocks: a summary of the latest RAGs, then per
 * priority a table of each indicator's figures for `periods` (RAG coloured
 * and named) with its trend; with `commentary`, what owners said about the
 * latest figures. Empty when no indicator has a figure in those periods.
 */
export function scorecardBlocks(s: PlanSnapshot, periods: (card: Scorecard) => string[], options: { level: 2 | 3; commentary: boolean; title: string }): Block[] {
  const card = scorecardOf(s);
  const shown = periods(card);
  const inShown = (i: ScorecardIndicator) => i.figures.some((f) => shown.includes(f.period));
  const groups = card.groups.map((g) => ({ ...g, indicators: g.indicators.filter(inShown) })).filter((g) => g.indicators.length);
  if (!groups.length) return [];
  const all = groups.flatMap((g) => g.indicators);
  const latest = { green: 0, amber: 0, red: 0, none: 0 };
  for (const i of all) latest[i.latest?.rag ?? 'none']++;
  const blocks: Block[] = [
    { type: 'heading', level: options.level, text: options.title },
    {
      type: 'paragraph',
      label: 'Summary',
      text: `${count(all.length, 'indicator')}; latest figures ${latest.green} green, ${latest.amber} amber, ${latest.red} red${latest.none ? `, ${latest.none} without a RAG` : ''}. RAG from each indicator's rules: at or better than target green, within 10% amber, otherwise red, unless the indicator sets its own.`,
    },
  ];
  const sub = (options.level + 1) as 3;
  for (const g of groups) {
    blocks.push({ type: 'heading', level: Math.min(sub, 3) as 3, text: g.priorityId ? `Priority ${g.title}` : g.title });
    blocks.push({
      type: 'table',
      caption: `Indicators${g.priorityId ? ` for priority ${g.title}` : ' under no priority'}: actual and target per period, with RAG`,
      columns: [{ title: 'Indicator', width: 5 }, ...shown.map((p) => ({ title: periodLabel(p), width: 1.8 })), { title: 'Trend', width: 1.3 }],
      rows: g.indicators.map((i) => [
        cell(i.name, [i.owner, i.unit ? `Unit: ${i.unit}` : '', `${i.direction === 'higher' ? 'Higher' : 'Lower'} is better`].filter(Boolean).join(' · ')),
        ...shown.map((p) => figureCell(i, p)),
        cell(i.trend ? TREND[i.trend] : '—'),
      ]),
    });
  }
  if (options.commentary) {
    const said = all.filter((i) => i.figures.some((f) => shown.includes(f.period) && f.commentary));
    if (said.length)
      blocks.push({
        type: 'table',
        caption: 'What owners said about the figures',
        columns: [
          { title: 'Indicator', width: 4 },
          { title: 'Period', width: 1.6 },
          { title: 'Commentary', width: 7 },
        ],
        rows: said.flatMap((i) => i.figures.filter((f) => shown.includes(f.period) && f.commentary).map((f) => [cell(i.name), cell(f.label), cell(f.commentary)])),
      });
  }
  return blocks;
}

/** The latest `n` periods that have figures. */
export function latestPeriods(n: number): (card: Scorecard) => string[] {
  return (card) => card.periods.slice(-n);
}

/** The performance scorecard report: the latest four periods with commentary. */
export function scorecardReport(s: PlanSnapshot, today: string): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `Performance scorecard: ${s.title}` },
    { type: 'paragraph', label: 'As at', text: today },
  ];
  const body = scorecardBlocks(s, latestPeriods(4), { level: 2, commentary: true, title: 'Indicators by priority' });
  return body.length ? [...blocks, ...body] : [...blocks, { type: 'paragraph', text: 'The plan has no indicators with figures yet.' }];
}

/** The annual report's scorecard: every period that falls within the year, with commentary. */
export function annualScorecard(s: PlanSnapshot, year: { start: string; end: string }, label: string): Block[] {
  const inYear = (card: Scorecard) =>
    card.periods.filter((p) => {
      const d = periodDates(p);
      return d.from >= year.start && d.to <= year.end;
    });
  return scorecardBlocks(s, inYear, { level: 2, commentary: true, title: `Performance scorecard ${label}` });
}
