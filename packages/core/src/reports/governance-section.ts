import type { GovernanceSnapshot } from '../constitution/governance-snapshot.js';
import { attendanceByGroup } from '../constitution/attendance-by-group.js';
import { GROUP_KIND_LABELS } from '../governance/arrangements.js';
import { quorumRuleWords } from '../governance/quorum.js';
import type { IsoDate } from '../values/values.js';
import { cell, type Block } from './document.js';
import { count } from './report-helpers.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "31 March 2016", as dates are written in UK reports. */
export function longDate(iso: IsoDate): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * The governance section a partnership publishes for a year: each group
 * with its chair, how often it meets and its quorum rule; each agency's
 * attendance against the threshold and who fell short; and the decisions of
 * the year, with how each was reached and any taken without a quorum.
 * Kept apart from the scorecard's section so each can change on its own.
 */
export function governanceSection(g: GovernanceSnapshot, year: { start: IsoDate; end: IsoDate }, level: 2 | 3 = 2): Block[] {
  const sub = (level + 1) as 2 | 3;
  const { arrangements } = g;
  const blocks: Block[] = [{ type: 'heading', level, text: 'Governance', pageBreak: level === 2 }];
  if (arrangements.groups.length === 0) return [...blocks, { type: 'paragraph', text: 'No groups are recorded in the plan yet: add them in the Governance tab.' }];
  const held = g.meetings.filter((m) => m.date >= year.start && m.date <= year.end);
  blocks.push({
    type: 'paragraph',
    text: `${count(arrangements.groups.length, 'group')} met ${count(held.length, 'time')} between ${longDate(year.start)} and ${longDate(year.end)}.`,
  });
  for (const { group, meetings, notQuorate, rows, short } of attendanceByGroup(g, { from: year.start, to: year.end })) {
    blocks.push({ type: 'heading', level: sub, text: group.name });
    blocks.push({
      type: 'list',
      items: [
        `${GROUP_KIND_LABELS[group.kind]}, chaired by ${group.chair || 'a chair not yet named'}; meets ${group.meets || 'as it sets'}.`,
        `Quorate with ${quorumRuleWords(group.quorum, arrangements.agencies)}.`,
        `Each agency is expected at ${percent(group.attendanceThreshold)} of meetings; a substitute counts for their agency.`,
        `${count(meetings, 'meeting')} in the year, ${count(notQuorate, 'meeting')} not quorate.`,
      ],
    });
    if (meetings === 0) continue;
    blocks.push({
      type: 'table',
      caption: `Attendance at the ${group.name} by agency, against ${percent(group.attendanceThreshold)}`,
      columns: [
        { title: 'Agency', width: 5 },
        { title: 'Meetings attended', width: 2 },
        { title: 'Rate', width: 1.2 },
        { title: 'Meets the threshold', width: 1.8 },
      ],
      rows: rows.map((r) => [cell(r.agencyName), cell(`${r.represented} of ${r.meetings}`), cell(percent(r.rate)), cell(r.meetsThreshold ? 'Yes' : 'No')]),
    });
    blocks.push({ type: 'paragraph', label: 'Below the threshold', text: short.length ? short.map((r) => `${r.agencyName} (${percent(r.rate)})`).join('; ') : 'none: every agency met it.' });
  }
  const decisions = held.flatMap((m) => m.decisions.map((d) => ({ m, d })));
  blocks.push({ type: 'heading', level: sub, text: 'Decisions of the year' });
  const groupName = (id: string) => arrangements.groups.find((x) => x.id === id)?.name ?? '';
  blocks.push(
    decisions.length
      ? {
          type: 'table',
          caption: `Decisions recorded between ${longDate(year.start)} and ${longDate(year.end)}, oldest first`,
          columns: [
            { title: 'Date', width: 1.8 },
            { title: 'Group', width: 2.5 },
            { title: 'Decision', width: 5 },
            { title: 'How it was reached', width: 3 },
          ],
          rows: decisions.map(({ m, d }) => [
            cell(longDate(m.date)),
            cell(groupName(m.groupId)),
            cell(d.text, d.item ? `Item: ${d.item}` : ''),
            cell(d.method.by === 'consensus' ? 'By consensus' : `By the chair, after consulting ${d.method.consulted.join(', ')}`, d.notQuorate ? 'Taken at a meeting that was not quorate' : ''),
          ]),
        }
      : { type: 'paragraph', text: 'No decisions were recorded in the year.' },
  );
  return blocks;
}
