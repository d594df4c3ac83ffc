import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, chooseFromMenu, cleanUp, setup } from './session.js';
import { focusedElement, focusedStop as focused } from './focus.js';

afterEach(cleanUp);

/** What the outline last announced to screen readers. */
const announced = (page: Page) => page.locator('plan-outline .announce[role="status"]').textContent();
/** The form for a new progress update on an action ("action 1.1.2"), wherever it is drawn (under the action, or in its details' log). */
const newUpdate = (page: Page, action: string) => page.getByRole('form', { name: `New progress update for ${action}`, exact: true });
/** What the form holds: its RAG and its narrative. */
const draftOf = async (page: Page, action: string) => {
  const form = newUpdate(page, action);
  if ((await form.count()) !== 1) return null;
  return { rag: await form.getByLabel('RAG').inputValue(), narrative: await form.getByLabel('Progress', { exact: true }).inputValue() };
};

/** The form correcting a saved update of an action ("action 1.2.1"), wherever it is drawn. */
const correction = (page: Page, action: string) => page.getByRole('form', { name: new RegExp(`^Edit the .* progress update of ${action.replaceAll('.', '\\.')}$`) });
/** What a correction holds: its RAG and its narrative. */
const correctionOf = async (page: Page, action: string) => {
  const form = correction(page, action);
  if ((await form.count()) !== 1) return null;
  return { rag: await form.getByLabel('RAG').inputValue(), narrative: await form.getByLabel('Progress', { exact: true }).inputValue() };
};

describe.runIf(browserAvailable())('an unsaved progress update belongs to its action, not to where it is drawn', () => {
  it('keeps the words, the RAG and the caret when a partner moves the action to another objective, and saves there for both', async () => {
    const { relay, browser } = await setup();
    const alice = await arrive(await browser.newContext(), relay.url, 'Alice');
    const bob = await arrive(await browser.newContext(), relay.url, 'Bob');
    const text = await actionBox(alice, 'Action 1.2.3').textContent();
    await chooseFromMenu(alice, 'action 1.2.3', 'Add progress…');
    const form = newUpdate(alice, 'action 1.2.3');
    await form.getByLabel('RAG').selectOption('amber');
    await form.getByLabel('Progress', { exact: true }).click();
    await alice.keyboard.type('Audit booked');
    await expect.poll(() => focusedElement(alice)).toMatchObject({ role: 'textarea', value: 'Audit booked' });
    // Her caret goes back to the start of her words.
    await alice.keyboard.press('Home');
    // Bob moves the action to objective 1.1, where it becomes action 1.1.2.
    await chooseFromMenu(bob, 'action 1.2.3', 'Move to another objective…');
    await bob.getByLabel('Move action 1.2.3 to objective').selectOption({ index: 0 });
    await bob.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => actionBox(alice, 'Action 1.1.2').textContent(), { timeout: 10_000 }).toBe(text);
    // Alice's form is still open on it, with her words and RAG, and her caret still in the words; she is told where it went.
    await expect.poll(() => draftOf(alice, 'action 1.1.2')).toEqual({ rag: 'amber', narrative: 'Audit booked' });
    await expect.poll(() => focusedElement(alice)).toMatchObject({ role: 'textarea', value: 'Audit booked' });
    await expect.poll(() => announced(alice)).toBe('A partner moved action 1.2.3; it is now action 1.1.2, and focus went with it.');
    // What she types next goes into the same words, where her caret was.
    await alice.keyboard.type('Today: ');
    await expect.poll(() => draftOf(alice, 'action 1.1.2')).toEqual({ rag: 'amber', narrative: 'Today: Audit booked' });
    await newUpdate(alice, 'action 1.1.2').getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => newUpdate(alice, 'action 1.1.2').count()).toBe(0);
    // Both see it on the action in its new place.
    for (const page of [alice, bob]) {
      const moved = page.getByRole('group', { name: 'Action 1.1.2', exact: true });
      await expect.poll(() => moved.locator('.latest').textContent(), { timeout: 10_000 }).toMatch(/, Alice\): Today: Audit booked$/);
      await expect.poll(() => moved.locator('rag-badge span').textContent()).toBe('Amber: at risk');
    }
  });

  it('keeps the draft while the details are hidden and shown again, and when the person moves the action themselves', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    // Opened in the details' log.
    await page.getByRole('button', { name: 'Show details of action 1.2.1' }).click();
    await page.getByRole('button', { name: 'Add a progress update to action 1.2.1', exact: true }).click();
    await newUpdate(page, 'action 1.2.1').getByLabel('RAG').selectOption('red');
    await newUpdate(page, 'action 1.2.1').getByLabel('Progress', { exact: true }).fill('No venue yet');
    await page.getByRole('button', { name: 'Hide details of action 1.2.1' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Show details of action 1.2.1' }).count()).toBe(1);
    await expect.poll(() => draftOf(page, 'action 1.2.1')).toEqual({ rag: 'red', narrative: 'No venue yet' });
    await page.getByRole('button', { name: 'Show details of action 1.2.1' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Hide details of action 1.2.1' }).count()).toBe(1);
    await expect.poll(() => draftOf(page, 'action 1.2.1')).toEqual({ rag: 'red', narrative: 'No venue yet' });
    // Moved by the person to objective 1.1: the draft goes with it, and focus goes to the action's menu there.
    await chooseFromMenu(page, 'action 1.2.1', 'Move to another objective…');
    await page.getByLabel('Move action 1.2.1 to objective').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.1.2');
    await expect.poll(() => draftOf(page, 'action 1.1.2')).toEqual({ rag: 'red', narrative: 'No venue yet' });
    // Cancel closes it for good: shown again, the details offer a new, empty form.
    await newUpdate(page, 'action 1.1.2').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => newUpdate(page, 'action 1.1.2').count()).toBe(0);
    await page.getByRole('button', { name: 'Show details of action 1.1.2' }).click();
    await page.getByRole('button', { name: 'Add a progress update to action 1.1.2', exact: true }).click();
    await expect.poll(() => draftOf(page, 'action 1.1.2')).toEqual({ rag: expect.any(String), narrative: '' });
  });

  it('keeps a half-written update through a reload, says where it is, and keeps one whose action went to the bin until it is back', async () => {
    const { relay, browser } = await setup();
    const pat = await arrive(await browser.newContext(), relay.url, 'Pat');
    const bob = await arrive(await browser.newContext(), relay.url, 'Bob');
    const binned = await actionBox(pat, 'Action 1.1.1').textContent();
    // Two updates half written: on action 1.2.1 (RAG and words) and on action 1.1.1 (words).
    await chooseFromMenu(pat, 'action 1.2.1', 'Add progress…');
    await newUpdate(pat, 'action 1.2.1').getByLabel('RAG').selectOption('amber');
    await newUpdate(pat, 'action 1.2.1').getByLabel('Progress', { exact: true }).click();
    await pat.keyboard.type('Audit booked for May');
    await chooseFromMenu(pat, 'action 1.1.1', 'Add progress…');
    await newUpdate(pat, 'action 1.1.1').getByLabel('Progress', { exact: true }).click();
    await pat.keyboard.type('Training dates agreed');
    // A partner deletes action 1.1.1 meanwhile: its form goes with it.
    await chooseFromMenu(bob, 'action 1.1.1', 'Delete');
    await expect.poll(() => pat.getByText(binned!, { exact: true }).count(), { timeout: 10_000 }).toBe(0);
    expect(await newUpdate(pat, 'action 1.1.1').count()).toBe(0);

    // The page is reloaded before either is saved.
    await pat.reload();
    await pat.getByRole('heading', { name: 'Priority 1' }).waitFor();
    await expect.poll(() => draftOf(pat, 'action 1.2.1'), { timeout: 10_000 }).toEqual({ rag: 'amber', narrative: 'Audit booked for May' });
    await expect
      .poll(() => pat.locator('plan-view p.notice').textContent())
      .toBe('Your progress update not yet saved when this page closed is back, open to save or cancel: action 1.2.1. One more is on an action now in the bin: restore it from the bin to finish it.');

    // Bob takes the delete back: Pat's words are there again on the restored action.
    await bob.keyboard.press('Control+z');
    await expect.poll(() => actionBox(pat, 'Action 1.1.1').allTextContents(), { timeout: 10_000 }).toEqual([binned]);
    await expect.poll(() => draftOf(pat, 'action 1.1.1')).toEqual({ rag: expect.any(String), narrative: 'Training dates agreed' });

    // Saved, an update is gone from the device: after another reload only the other comes back.
    await newUpdate(pat, 'action 1.2.1').getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => pat.getByRole('group', { name: 'Action 1.2.1', exact: true }).locator('.latest').textContent(), { timeout: 10_000 }).toMatch(/, Pat\): Audit booked for May$/);
    await pat.reload();
    await pat.getByRole('heading', { name: 'Priority 1' }).waitFor();
    await expect.poll(() => draftOf(pat, 'action 1.1.1'), { timeout: 10_000 }).toEqual({ rag: expect.any(String), narrative: 'Training dates agreed' });
    expect(await newUpdate(pat, 'action 1.2.1').count()).toBe(0);
    await expect.poll(() => pat.locator('plan-view p.notice').textContent()).toBe('Your progress update not yet saved when this page closed is back, open to save or cancel: action 1.1.1.');
  });

  it('offers to go to each update put back after a reload: focus goes into its words', async () => {
    const { relay, browser } = await setup();
    const pat = await arrive(await browser.newContext(), relay.url, 'Pat');
    await chooseFromMenu(pat, 'action 1.2.3', 'Add progress…');
    await newUpdate(pat, 'action 1.2.3').getByLabel('Progress', { exact: true }).fill('Audit booked for May');
    await chooseFromMenu(pat, 'action 1.1.1', 'Add progress…');
    await newUpdate(pat, 'action 1.1.1').getByLabel('Progress', { exact: true }).fill('Training dates agreed');
    await pat.reload();
    await pat.getByRole('heading', { name: 'Priority 1' }).waitFor();
    await expect.poll(() => pat.locator('plan-view p.notice').textContent(), { timeout: 10_000 }).toMatch(/^Your progress updates not yet saved when this page closed are back/);
    const goTo = pat.getByRole('button', { name: 'Go to action 1.2.3', exact: true });
    expect(await pat.getByRole('button', { name: 'Go to action 1.1.1', exact: true }).count()).toBe(1);
    // From the keyboard: focus on the button, Enter, and the caret is after the words written before the reload.
    await goTo.focus();
    await pat.keyboard.press('Enter');
    await expect.poll(() => focusedElement(pat)).toMatchObject({ role: 'textarea', value: 'Audit booked for May' });
    await pat.keyboard.type(' at the Board');
    await expect.poll(() => draftOf(pat, 'action 1.2.3')).toEqual({ rag: expect.any(String), narrative: 'Audit booked for May at the Board' });
    // Once neither is open, the notice goes, and its buttons with it.
    await newUpdate(pat, 'action 1.2.3').getByRole('button', { name: 'Cancel' }).click();
    await newUpdate(pat, 'action 1.1.1').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => goTo.count()).toBe(0);
  });

  it('keeps a correction of a saved update while the details are hidden and through a reload, and saves it', async () => {
    const { relay, browser } = await setup();
    const pat = await arrive(await browser.newContext(), relay.url, 'Pat');
    const action = pat.getByRole('group', { name: 'Action 1.2.1', exact: true });
    await chooseFromMenu(pat, 'action 1.2.1', 'Add progress…');
    await newUpdate(pat, 'action 1.2.1').getByLabel('RAG').selectOption('amber');
    await newUpdate(pat, 'action 1.2.1').getByLabel('Progress', { exact: true }).fill('Audit booked');
    await newUpdate(pat, 'action 1.2.1').getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => action.locator('.latest').textContent()).toMatch(/, Pat\): Audit booked$/);
    // She starts correcting it in the details' log.
    await pat.getByRole('button', { name: 'Show details of action 1.2.1' }).click();
    await action.getByRole('button', { name: /^Edit the .* progress update of action 1\.2\.1$/ }).click();
    await correction(pat, 'action 1.2.1').getByLabel('RAG').selectOption('green');
    await correction(pat, 'action 1.2.1').getByLabel('Progress', { exact: true }).fill('Audit held on 3 May');
    // The details hidden: the correction stays open, under the action.
    await pat.getByRole('button', { name: 'Hide details of action 1.2.1' }).click();
    await expect.poll(() => correctionOf(pat, 'action 1.2.1')).toEqual({ rag: 'green', narrative: 'Audit held on 3 May' });
    expect(await action.getByRole('button', { name: 'Show details of action 1.2.1' }).count()).toBe(1);
    // A new update can be written beside it (the correction open under the action is not the new update's form).
    await chooseFromMenu(pat, 'action 1.2.1', 'Add progress…');
    await expect.poll(() => newUpdate(pat, 'action 1.2.1').count()).toBe(1);
    await newUpdate(pat, 'action 1.2.1').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => newUpdate(pat, 'action 1.2.1').count()).toBe(0);
    expect(await correctionOf(pat, 'action 1.2.1')).toEqual({ rag: 'green', narrative: 'Audit held on 3 May' });

    // The page is reloaded before it is saved: the correction is back, and she is told where.
    await pat.reload();
    await pat.getByRole('heading', { name: 'Priority 1' }).waitFor();
    await expect.poll(() => correctionOf(pat, 'action 1.2.1'), { timeout: 10_000 }).toEqual({ rag: 'green', narrative: 'Audit held on 3 May' });
    await expect
      .poll(() => pat.locator('plan-view p.notice').textContent())
      .toMatch(/^Your progress update not yet saved when this page closed is back, open to save or cancel: a change to the \d{1,2} [A-Z][a-z]+ \d{4} update of action 1\.2\.1\.$/);
    // The saved update is as it was until she saves.
    expect(await action.locator('.latest').textContent()).toMatch(/, Pat\): Audit booked$/);
    await correction(pat, 'action 1.2.1').getByRole('button', { name: 'Save changes to the progress update' }).click();
    await expect.poll(() => action.locator('.latest').textContent()).toMatch(/, Pat\): Audit held on 3 May$/);
    await expect.poll(() => action.locator('rag-badge span').textContent()).toBe('Green: on track');
    expect(await correction(pat, 'action 1.2.1').count()).toBe(0);
    // Saying it is back is stale once it is saved: the words go.
    await expect.poll(() => pat.locator('plan-view p.notice').count()).toBe(0);

    // Saved, it is gone from the device: another reload opens no form and says nothing.
    await pat.reload();
    await expect.poll(() => action.locator('.latest').textContent(), { timeout: 10_000 }).toMatch(/, Pat\): Audit held on 3 May$/);
    expect(await correction(pat, 'action 1.2.1').count()).toBe(0);
    expect(await pat.locator('plan-view p.notice').count()).toBe(0);
  });

  it('keeps both people’s changes when two correct one update at once (each saves only what they changed)', async () => {
    const { relay, browser } = await setup();
    const sam = await arrive(await browser.newContext(), relay.url, 'Sam');
    const alex = await arrive(await browser.newContext(), relay.url, 'Alex');
    await chooseFromMenu(sam, 'action 1.2.1', 'Add progress…');
    await newUpdate(sam, 'action 1.2.1').getByLabel('RAG').selectOption('amber');
    await newUpdate(sam, 'action 1.2.1').getByLabel('Progress', { exact: true }).fill('Audit booked.');
    await newUpdate(sam, 'action 1.2.1').getByRole('button', { name: 'Save progress update' }).click();
    const latest = (page: Page) => page.getByRole('group', { name: 'Action 1.2.1', exact: true }).locator('.latest').textContent();
    await expect.poll(() => latest(alex)).toMatch(/, Sam\): Audit booked\.$/);
    // Both open the same update's correction; Alex begins his before Sam saves hers.
    for (const page of [sam, alex]) {
      await page.getByRole('button', { name: 'Show details of action 1.2.1' }).click();
      await page
        .getByRole('group', { name: 'Action 1.2.1', exact: true })
        .getByRole('button', { name: /^Edit the .* progress update of action 1\.2\.1$/ })
        .click();
    }
    const alexBox = correction(alex, 'action 1.2.1').getByLabel('Progress', { exact: true });
    await alexBox.click();
    await alex.keyboard.press('Control+Home');
    await alex.keyboard.type('Police joined. ');
    const samBox = correction(sam, 'action 1.2.1').getByLabel('Progress', { exact: true });
    await samBox.click();
    await sam.keyboard.press('Control+End');
    await sam.keyboard.type(' Held on 3 May.');
    await correction(sam, 'action 1.2.1').getByLabel('RAG').selectOption('green');
    await correction(sam, 'action 1.2.1').getByRole('button', { name: 'Save changes to the progress update' }).click();
    await expect.poll(() => latest(alex)).toMatch(/: Audit booked\. Held on 3 May\.$/);
    // Alex's form holds his words, as he began them; he saves.
    expect(await alexBox.inputValue()).toBe('Police joined. Audit booked.');
    await correction(alex, 'action 1.2.1').getByRole('button', { name: 'Save changes to the progress update' }).click();
    // Both changes are in the update, for both; Sam's RAG (which Alex did not touch) stays.
    for (const page of [sam, alex]) {
      await expect.poll(() => latest(page)).toMatch(/: Police joined\. Audit booked\. Held on 3 May\.$/);
      await expect.poll(() => page.getByRole('group', { name: 'Action 1.2.1', exact: true }).locator('rag-badge span').first().textContent()).toBe('Green: on track');
    }
  });
});
