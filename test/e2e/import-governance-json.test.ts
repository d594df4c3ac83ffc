import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlan, planToJson } from '@coplan/core';
import { Governance } from '@coplan/core/governance';
import { lincolnshireArrangements } from '@coplan/seeds';
import { browserAvailable } from './browser.js';
import { axeViolations } from './axe.js';
import { arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/** Coplan JSON of a plan with Lincolnshire's arrangements and one quorate Strategic Management Group meeting with a decision. */
function exportedWithMeeting(): string {
  const plan = createPlan(new Y.Doc(), { title: 'Lincolnshire LSCP Business Plan' }, { user: 'Business manager' });
  const gov = new Governance(plan);
  const ids = gov.load(lincolnshireArrangements);
  const smg = ids.get('smg')!;
  const seatOf = (agency: string) => plan.children('seat', smg).find((s) => s.agencyId === ids.get(agency) && s.voting)!.id;
  const meeting = plan.create('meeting', { date: '2025-06-12', chairPresent: true }, { parentId: smg });
  for (const a of ['la', 'police', 'icb', 'probation', 'cafcass', 'schools']) gov.markAttendance(meeting, seatOf(a), { status: 'present' });
  gov.recordDecision(meeting, { text: 'Agree the 2025/26 budget', method: { by: 'consensus' } });
  return planToJson(plan.snapshot());
}

describe.runIf(browserAvailable())('bringing in a plan exported from Coplan as JSON', () => {
  it('brings its groups and meetings too: the meeting opens with its verdict and decision', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Hana');
    await page.goto(relay.url + '/#/');
    await page.getByRole('button', { name: 'Bring in an existing plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bring in an existing plan' });
    await dialog.getByLabel('Choose a file').setInputFiles({ name: 'lincs.json', mimeType: 'application/json', buffer: Buffer.from(exportedWithMeeting()) });
    const groups = lincolnshireArrangements.groups.length;
    await expect.poll(() => dialog.locator('.counts').textContent()).toMatch(new RegExp(`Governance: ${lincolnshireArrangements.agencies.length} agencies, ${groups} groups and 1 meeting\\.`));
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Plan title' }).textContent()).toBe('Lincolnshire LSCP Business Plan');
    await page.getByRole('button', { name: 'Governance', exact: true }).click();
    await expect.poll(() => page.getByText('12 June 2025: Quorate').count()).toBe(1);
    await page.getByRole('button', { name: 'Open the meeting on 12 June 2025' }).click();
    await page.getByRole('heading', { name: 'Strategic Management Group: meeting on 12 June 2025' }).waitFor();
    await page.getByText('Agree the 2025/26 budget: by consensus').waitFor();
  });
});
