import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, encodeCoplanFile, mergeCoplanFile, openPlan, type Plan } from '@coplan/core';
import { Governance } from '@coplan/core/governance';
import { lincolnshireArrangements } from '@coplan/seeds';
import { coplan, tempDir } from './helpers.js';

/** Lincolnshire's arrangements and one Strategic Management Group meeting, with a decision, written to a .coplan file. */
function planWithMeeting(path: string): void {
  const plan = createPlan(new Y.Doc(), { title: 'Lincolnshire LSCP Business Plan' }, { user: 'Business manager' });
  const gov = new Governance(plan);
  const ids = gov.load(lincolnshireArrangements);
  const smg = ids.get('smg')!;
  const seatOf = (agency: string) => plan.children('seat', smg).find((s) => s.agencyId === ids.get(agency) && s.voting)!.id;
  const meeting = plan.create('meeting', { date: '2025-06-12', chairPresent: true, visitors: ['Ofsted inspector'] }, { parentId: smg });
  for (const a of ['la', 'police', 'icb', 'probation', 'cafcass', 'schools']) gov.markAttendance(meeting, seatOf(a), { status: 'present' });
  gov.markAttendance(meeting, seatOf('prisons'), { status: 'apologies' });
  gov.recordDecision(meeting, { text: 'Agree the 2025/26 budget', item: '5', topic: 'financial contributions', method: { by: 'consensus' } });
  writeFileSync(path, encodeCoplanFile(plan.doc));
}

function openFile(path: string): Plan {
  const doc = new Y.Doc();
  mergeCoplanFile(doc, new Uint8Array(readFileSync(path)));
  return openPlan(doc);
}

/** Each meeting as a person reads it: group, date, who was marked how, the verdict and the decisions. */
function meetings(plan: Plan) {
  const gov = new Governance(plan);
  return gov.snapshot().meetings.map((m) => {
    const view = gov.meeting(m.id);
    return {
      group: view.groupName,
      date: view.date,
      visitors: view.visitors,
      marks: view.seats.filter((s) => s.mark).map((s) => `${s.agencyName}: ${s.mark!.status}`),
      verdict: view.verdict.words,
      decisions: view.decisions.map((d) => d.text),
    };
  });
}

describe('coplan export --format json, then coplan import', () => {
  it('keeps the meetings and arrangements, in a new plan and added to an existing one', async () => {
    const dir = tempDir();
    planWithMeeting(join(dir, 'lincs.coplan'));
    const exported = await coplan(['export', 'lincs.coplan', '--format', 'json', '-o', 'lincs.json'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'lincs.json'), 'utf8')).plan.governance.groups[0].meetings).toHaveLength(1);

    const imported = await coplan(['import', 'lincs.json', '-o', 'copy.coplan'], dir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(`with 0 priorities, 0 actions, ${lincolnshireArrangements.groups.length} groups and 1 meeting.`);
    const original = meetings(openFile(join(dir, 'lincs.coplan')));
    expect(original).toHaveLength(1);
    expect(original[0]!.verdict).toBe('Quorate');
    expect(meetings(openFile(join(dir, 'copy.coplan')))).toEqual(original);

    // Into a plan that already has the agencies: they are reused, and the meeting comes in beside nothing else.
    const target = createPlan(new Y.Doc(), { title: 'Target' }, { user: 'Business manager' });
    new Governance(target).load({ ...lincolnshireArrangements, groups: [] });
    writeFileSync(join(dir, 'target.coplan'), encodeCoplanFile(target.doc));
    const added = await coplan(['import', 'lincs.json', '-o', 'target.coplan', '--mode', 'add'], dir);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain(`${lincolnshireArrangements.groups.length} groups with 1 meeting imported`);
    const after = openFile(join(dir, 'target.coplan'));
    expect(meetings(after)).toEqual(original);
    expect(new Governance(after).arrangements().agencies).toHaveLength(lincolnshireArrangements.agencies.length);
  });
});
