import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlan, encodeCoplanFile } from '@coplan/core';
import { Governance } from '@coplan/core/governance';
import { parseImportSource } from '@coplan/import';
import { lincolnshireArrangements } from '@coplan/seeds';
import { coplan, tempDir } from './helpers.js';

/** A plan holding Lincolnshire's arrangements (seed 001) and two Strategic Management Group meetings in 2025/26, one of them not quorate. */
function planWithMeetings(path: string): void {
  const plan = createPlan(new Y.Doc(), { title: 'Lincolnshire LSCP Business Plan' }, { user: 'Business manager' });
  const gov = new Governance(plan);
  const ids = gov.load(lincolnshireArrangements);
  const smg = ids.get('smg')!;
  const seatOf = (agency: string) => plan.children('seat', smg).find((s) => s.agencyId === ids.get(agency) && s.voting)!.id;
  const full = plan.create('meeting', { date: '2025-06-12', chairPresent: true }, { parentId: smg });
  for (const a of ['la', 'police', 'icb', 'probation', 'cafcass', 'schools']) gov.markAttendance(full, seatOf(a), { status: 'present' });
  gov.recordDecision(full, { text: 'Agree the 2025/26 budget', item: '5', topic: 'financial contributions', method: { by: 'consensus' } });
  const thin = plan.create('meeting', { date: '2025-09-11', chairPresent: true }, { parentId: smg });
  for (const a of ['la', 'police', 'schools']) gov.markAttendance(thin, seatOf(a), { status: 'present' });
  gov.markAttendance(thin, seatOf('icb'), { status: 'apologies' });
  gov.recordDecision(thin, { text: 'Defer the neglect audit', method: { by: 'chair', consulted: ['Lincolnshire Police'] }, acknowledgeNotQuorate: true });
  writeFileSync(path, encodeCoplanFile(plan.doc));
}

describe('coplan report --kind governance', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir();
    planWithMeetings(join(dir, 'lincs.coplan'));
  });

  it('writes Word with the groups, attendance per agency against 75% and the decisions of the year', async () => {
    const r = await coplan(['report', 'lincs.coplan', '--kind', 'governance', '--year', '2025/26', '-o', 'governance.docx'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Wrote "governance\.docx" \(governance report, docx, /);
    const read = await parseImportSource({ name: 'governance.docx', data: new Uint8Array(readFileSync(join(dir, 'governance.docx'))) });
    const text = read.blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((row) => row.join(' | ')).join('\n'))).join('\n');
    expect(text).toContain('Governance 1 April 2025 to 31 March 2026: Lincolnshire LSCP Business Plan');
    expect(text).toContain('Strategic Management Group');
    expect(text).toContain('Quorate with Lincolnshire County Council, Lincolnshire Police, NHS Lincolnshire Integrated Care Board and three other agencies.');
    expect(text).toContain('NHS Lincolnshire Integrated Care Board | 1 of 2 | 50% | No');
    expect(text).toContain('Lincolnshire Police | 2 of 2 | 100% | Yes');
    expect(text).toContain('Agree the 2025/26 budget');
    expect(text).toContain('By the chair, after consulting Lincolnshire Police');
    expect(text).toContain('Taken at a meeting that was not quorate');
  });

  it("writes CSV: each of the report's tables under its caption, ready for a spreadsheet", async () => {
    const r = await coplan(['report', 'lincs.coplan', '--kind', 'governance', '--year', '2025/26', '-o', 'governance.csv'], dir);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'governance.csv'), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines).toContain('"Attendance at the Strategic Management Group by agency, against 75%"');
    expect(lines).toContain('Agency,Meetings attended,Rate,Meets the threshold');
    expect(lines).toContain('NHS Lincolnshire Integrated Care Board,1 of 2,50%,No');
    expect(lines).toContain('CAFCASS,1 of 2,50%,No');
    expect(csv).toContain('"By the chair, after consulting Lincolnshire Police\nTaken at a meeting that was not quorate"');
  });

  it('puts the governance section in the annual report, and takes --year for governance but not for lead', async () => {
    const annual = await coplan(['report', 'lincs.coplan', '--kind', 'annual', '--year', '2025/26', '-o', '-'], dir);
    expect(annual.code, annual.stderr).toBe(0);
    expect(annual.stdout.toString()).toMatch(/^## Governance$/m);
    expect(annual.stdout.toString()).toContain('Below the threshold');
    const lead = await coplan(['report', 'lincs.coplan', '--kind', 'lead', '--year', '2025/26', '-o', '-'], dir);
    expect(lead.code).toBe(1);
    expect(lead.stderr).toMatch(/--year is for --kind annual or governance/);
  });
});
