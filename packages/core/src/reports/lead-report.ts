import type { PlanSnapshot } from '../schema/snapshot.js';
import { formatUkDate } from '../values/uk-date.js';
import type { IsoDate } from '../values/values.js';
import { actionDue, actionsPerLead, isComplete, type ActionInContext } from '../queries/queries.js';
import { cell, type Block } from './document.js';
import { addDays } from '../values/iso-date.js';
import { actionTable, count } from './report-helpers.js';

/**
 * What each lead (sub-group, organisation or officer) owns: a summary of
 * open, overdue and soon-due actions per lead, then each lead's actions with
 * when they are due and how they stand.
 */
export function leadReport(s: PlanSnapshot, today: IsoDate, withinDays: number): Block[] {
  const soon = addDays(today, withinDays);
  const when = (r: ActionInContext): string => {
    if (isComplete(r.action)) return 'Finished';
    const due = actionDue(r.action);
    if (due === null) return '';
    return due < today ? 'Overdue' : due <= soon ? 'Due soon' : '';
  };
  const leads = actionsPerLead(s).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `Actions per lead: ${s.title}` },
    { type: 'paragraph', label: 'As at', text: `${formatUkDate(today)}. "Due soon" means due by ${formatUkDate(soon)} (within ${withinDays} days).` },
  ];
  if (!leads.length) return [...blocks, { type: 'paragraph', text: 'No action in the plan names a lead yet.' }];
  blocks.push({
    type: 'table',
    caption: 'Open, overdue and soon-due actions for each lead',
    columns: [
      { title: 'Lead', width: 5 },
      { title: 'Open', width: 1 },
      { title: 'Overdue', width: 1 },
      { title: 'Due soon', width: 1 },
      { title: 'Finished', width: 1 },
    ],
    rows: leads.map((l) => {
      const words = l.rows.map(when);
      return [
        cell(l.name),
        cell(String(l.rows.length - words.filter((w) => w === 'Finished').length)),
        cell(String(words.filter((w) => w === 'Overdue').length)),
        cell(String(words.filter((w) => w === 'Due soon').length)),
        cell(String(words.filter((w) => w === 'Finished').length)),
      ];
    }),
  });
  for (const l of leads) {
    const registry = l.leadId ? s.leads.find((x) => x.id === l.leadId) : undefined;
    blocks.push({ type: 'heading', level: 2, text: l.name });
    const about = [registry?.organisation, registry?.chair ? `chair: ${registry.chair}` : ''].filter(Boolean).join('; ');
    blocks.push({ type: 'paragraph', text: `${count(l.rows.length, 'action')}${about ? ` (${about})` : ''}.` });
    blocks.push(actionTable(`Actions led by ${l.name}`, l.rows, { leads: false, when }));
  }
  const unused = s.leads.filter((x) => !leads.some((l) => l.leadId === x.id));
  if (unused.length) blocks.push({ type: 'heading', level: 2, text: 'Leads with no actions' }, { type: 'list', items: unused.map((x) => x.name) });
  return blocks;
}
