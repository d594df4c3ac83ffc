import type { ActionSnapshot, MilestoneSnapshot, PlanSnapshot, PrioritySnapshot } from '../schema/snapshot.js';
import { formatUkDate } from '../values/uk-date.js';
import { ACTION_STATUS_LABELS, PLAN_STATUS_LABELS } from '../values/values.js';
import { cell, type Block, type PublishedDocument, type TableBlock, type TableCell, type TableRow } from './document.js';

/** "V1.1 · Agreed": the version label (when there is one) and where the plan is in its life; the running header of every page. */
export function versionLine(s: PlanSnapshot): string {
  return [s.versionLabel, PLAN_STATUS_LABELS[s.status]].filter(Boolean).join(' · ');
}

/** A milestone as one line: "✓ text — timescale". */
export function milestoneLine(m: MilestoneSnapshot): string {
  return `${m.done ? '✓ ' : ''}${m.text}${m.timescale.text ? ` — ${m.timescale.text}` : ''}`;
}

function leadNames(a: { leads: { name: string }[] }): string[] {
  return a.leads.map((l) => l.name);
}

function progressCell(a: ActionSnapshot): TableCell {
  const latest = a.updates[a.updates.length - 1];
  const lines = [
    a.status !== 'not-started' ? `Status: ${ACTION_STATUS_LABELS[a.status]}` : '',
    latest?.narrative ?? '',
    latest ? `(${formatUkDate(latest.date)}${latest.author ? `, ${latest.author}` : ''})` : '',
  ].filter(Boolean);
  return a.rag || latest ? { lines, rag: a.rag ?? 'none' } : { lines };
}

/** The priority's table in the familiar layout: one row per action, the objective spanning its actions. */
export function priorityTable(p: PrioritySnapshot): TableBlock {
  const actions = p.objectives.flatMap((o) => o.actions);
  const has = {
    milestones: actions.some((a) => a.milestones.length > 0),
    variants: actions.some((a) => a.variants.length > 0),
    impact: p.objectives.some((o) => o.impact) || actions.some((a) => a.impact),
    progress: actions.some((a) => a.updates.length > 0 || a.rag || a.status !== 'not-started'),
  };
  const columns = [
    { title: 'Objective', width: 4 },
    { title: 'Action', width: 5 },
    ...(has.milestones ? [{ title: 'Milestones', width: 3 }] : []),
    ...(has.variants ? [{ title: 'Per partnership', width: 4 }] : []),
    { title: 'Lead(s)', width: 2.5 },
    { title: 'Timescale', width: 2 },
    ...(has.impact ? [{ title: 'Impact', width: 3 }] : []),
    ...(has.progress ? [{ title: 'Progress', width: 3.5 }] : []),
  ];
  const rows: TableRow[] = [];
  for (const o of p.objectives) {
    const span = Math.max(1, o.actions.length);
    const objective: TableCell = { lines: [o.text], ...(span > 1 ? { rowSpan: span } : {}) };
    const actionRows = o.actions.length ? o.actions : [null];
    actionRows.forEach((a, i) => {
      const row: TableRow = [i === 0 ? objective : null];
      row.push(a ? cell(a.text) : cell());
      if (has.milestones) row.push(cell(...(a?.milestones.map(milestoneLine) ?? [])));
      if (has.variants)
        row.push(
          cell(
            ...(a?.variants.map((v) =>
              [`${v.partnership}: ${v.text}`.trim(), v.leads.length ? `Lead: ${leadNames(v).join('; ')}` : '', v.timescale.text ? `Timescale: ${v.timescale.text}` : ''].filter(Boolean).join(' · '),
            ) ?? []),
          ),
        );
      row.push(cell(...(a ? leadNames(a) : [])));
      row.push(cell(a?.timescale.text));
      // Expected impact belongs to the objective; an action's recorded impact follows it.
      if (has.impact) row.push(cell(i === 0 ? o.impact : '', a?.impact));
      if (has.progress) row.push(a ? progressCell(a) : cell());
      rows.push(row);
    });
  }
  return { type: 'table', caption: `Objectives and actions for priority ${p.number}`, columns, rows };
}

function priorityBlocks(p: PrioritySnapshot): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 2, text: `Priority ${p.number}: ${p.title}`, pageBreak: true }];
  if (p.aim) blocks.push({ type: 'paragraph', label: 'Aim', text: p.aim });
  if (p.owner) blocks.push({ type: 'paragraph', label: 'Owner', text: p.owner });
  if (p.leadGroup) blocks.push({ type: 'paragraph', label: 'Lead group', text: p.leadGroup.name });
  if (p.focusAreas.length) blocks.push({ type: 'paragraph', label: 'Focus areas', text: '' }, { type: 'list', items: p.focusAreas });
  if (p.successStatements.length) blocks.push({ type: 'paragraph', label: 'What will success look like', text: '' }, { type: 'list', items: p.successStatements });
  if (p.objectives.length) blocks.push(priorityTable(p));
  return blocks;
}

/**
 * A plan laid out the way partnerships publish it: the title and version,
 * the plan's front matter, then one table per priority with the plan's
 * columns (objective, action, leads, timescale; milestones, per-partnership
 * parts, impact and progress where the plan has them), then the scorecard
 * and consultation plan.
 */
export function planDocument(s: PlanSnapshot): PublishedDocument {
  const blocks: Block[] = [{ type: 'heading', level: 1, text: s.title }];
  const version = versionLine(s);
  if (s.partnerships.length)
    blocks.push({ type: 'paragraph', label: 'Partnership', text: s.partnerships.map((p) => (p.shortName && p.shortName !== p.name ? `${p.name} (${p.shortName})` : p.name)).join('; ') });
  if (s.period) blocks.push({ type: 'paragraph', label: 'Period', text: `${formatUkDate(s.period.start)} to ${formatUkDate(s.period.end)}` });
  if (s.versionLabel) blocks.push({ type: 'paragraph', label: 'Version', text: s.versionLabel });
  blocks.push({ type: 'paragraph', label: 'Status', text: PLAN_STATUS_LABELS[s.status] });
  if (s.vision) blocks.push({ type: 'heading', level: 2, text: 'Vision' }, { type: 'paragraph', text: s.vision });
  if (s.introduction) blocks.push({ type: 'heading', level: 2, text: 'Introduction' }, ...paragraphs(s.introduction));
  if (s.principles.length) blocks.push({ type: 'heading', level: 2, text: 'Principles' }, { type: 'list', items: s.principles });
  for (const c of s.contextStatements) blocks.push({ type: 'heading', level: 2, text: c.title || 'Context' }, ...paragraphs(c.text));
  if (s.statutoryObjectives.length) blocks.push({ type: 'heading', level: 2, text: 'Statutory objectives' }, { type: 'list', items: s.statutoryObjectives });
  for (const p of s.priorities) blocks.push(...priorityBlocks(p));
  if (s.indicators.length) {
    blocks.push({ type: 'heading', level: 2, text: 'Scorecard', pageBreak: true });
    blocks.push({
      type: 'table',
      caption: 'Performance indicators',
      columns: [
        { title: 'Indicator', width: 5 },
        { title: 'Priority', width: 3 },
        { title: 'Target', width: 2 },
        { title: 'Latest value', width: 2 },
      ],
      rows: s.indicators.map((i) => {
        const latest = i.values[i.values.length - 1];
        const priority = s.priorities.find((p) => p.id === i.priorityId);
        return [
          cell(i.name),
          cell(priority ? `${priority.number}. ${priority.title}` : ''),
          cell(i.target),
          cell(latest ? `${latest.value}${i.unit ? ` ${i.unit}` : ''} (${formatUkDate(latest.date)})` : ''),
        ];
      }),
    });
  }
  if (s.consultation.length)
    blocks.push(
      { type: 'heading', level: 2, text: 'Consultation' },
      {
        type: 'table',
        caption: 'Who is consulted, and when',
        columns: [
          { title: 'Who is consulted', width: 3 },
          { title: 'Consultation period', width: 2 },
        ],
        rows: s.consultation.map((c) => [cell(c.who), cell(c.when)]),
      },
    );
  if (s.reviewSchedule) blocks.push({ type: 'heading', level: 2, text: 'Review' }, { type: 'paragraph', text: s.reviewSchedule });
  return { title: s.title, version, landscape: true, blocks };
}

/** Text split at blank lines into paragraphs. */
export function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ type: 'paragraph' as const, text: t }));
}
