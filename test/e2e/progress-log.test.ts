import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { arrive, cleanUp, setup } from './session.js';
import { axeViolations } from './axe.js';
import { focusedElement } from './focus.js';

afterEach(cleanUp);

describe.runIf(browserAvailable())('the progress log in an action’s details', () => {
  it('offers “Add a progress update”: the form opens with focus in it, and focus comes back to the button on cancel and on save', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const action = page.getByRole('group', { name: 'Action 1.1.1', exact: true });
    await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    await expect.poll(() => action.getByText('No progress updates yet.').count()).toBe(1);
    const add = action.getByRole('button', { name: 'Add a progress update to action 1.1.1', exact: true });
    expect(await add.textContent()).toBe('Add a progress update');
    const form = action.getByRole('form', { name: 'New progress update for action 1.1.1' });
    const focused = (el: Element) => (el.getRootNode() as ShadowRoot).activeElement === el && el.matches(':focus');
    // Keyboard: Enter on the button opens the form with focus in it; Cancel closes it with focus back on the button.
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.count()).toBe(1);
    await expect.poll(() => form.evaluate((el) => el.matches(':focus-within'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => add.evaluate(focused)).toBe(true);
    // Saved: the update is in the log, and focus is back on the button.
    await page.keyboard.press('Enter');
    await form.getByLabel('RAG').selectOption('green');
    await form.getByLabel('Progress', { exact: true }).fill('Strategy relaunched at the conference');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => action.getByRole('listitem').filter({ hasText: 'Pat, Green: Strategy relaunched at the conference' }).count()).toBe(1);
    expect(await action.getByText('No progress updates yet.').count()).toBe(0);
    await expect.poll(() => add.evaluate(focused)).toBe(true);
    await expect.poll(() => page.locator('plan-outline .announce[role="status"]').textContent()).toBe('Progress update added to action 1.1.1.');
    await expect.poll(() => action.locator('rag-badge span').textContent()).toBe('Green: on track');
  });

  it('opens with focus in the words, what the person came to write, the date and RAG before them as they were', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const action = page.getByRole('group', { name: 'Action 1.1.1', exact: true });
    await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    await action.getByRole('button', { name: 'Add a progress update to action 1.1.1', exact: true }).click();
    const form = action.getByRole('form', { name: 'New progress update for action 1.1.1' });
    const words = form.getByLabel('Progress', { exact: true });
    const focused = (el: Element) => (el.getRootNode() as ShadowRoot).activeElement === el && el.matches(':focus');
    await expect.poll(() => words.evaluate(focused)).toBe(true);
    await page.keyboard.type('Audit booked');
    expect(await words.inputValue()).toBe('Audit booked');
    // The fields keep their order: back from the words are the action's status, the RAG and the date.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => form.getByLabel('Action status').evaluate(focused)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => form.getByLabel('RAG').evaluate(focused)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    // The date box, known by its value (focus lands in one of its parts, where the check above does not find it).
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'input', value: await form.getByLabel('Date', { exact: true }).inputValue() });
    await form.getByLabel('RAG').selectOption('amber');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => form.count()).toBe(0);
    // A correction opens with the caret after the words already written.
    await action.getByRole('button', { name: /^Edit the .* progress update of action 1\.1\.1$/ }).click();
    const edit = action.getByRole('form', { name: /^Edit the .* progress update of action 1\.1\.1$/ });
    const editWords = edit.getByLabel('Progress', { exact: true });
    await expect.poll(() => editWords.evaluate(focused)).toBe(true);
    await page.keyboard.type(' for May');
    expect(await editWords.inputValue()).toBe('Audit booked for May');
  });
});
