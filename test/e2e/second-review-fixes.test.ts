import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, chooseFromMenu, cleanUp, setup } from './session.js';
import { focusedStop as focused } from './focus.js';

afterEach(cleanUp);

/** What the outline last announced to screen readers. */
const announced = (page: Page) => page.locator('plan-outline .announce[role="status"]').textContent();
/** What the bin message at the foot of the window says. */
const binMessage = (page: Page) => page.locator('bin-notice [role="status"]').textContent();

/** Saves a progress update on an action through its form: RAG and words, Ctrl+Enter. */
async function addProgress(page: Page, action: string, rag: string, words: string): Promise<void> {
  const group = page.getByRole('group', { name: `Action ${action}`, exact: true });
  await chooseFromMenu(page, `action ${action}`, 'Add progress…');
  const form = group.getByRole('form', { name: `New progress update for action ${action}` });
  await form.getByLabel('RAG').selectOption(rag);
  await form.getByRole('textbox', { name: 'Progress', exact: true }).focus();
  await page.keyboard.type(words);
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => form.count()).toBe(0);
}

describe.runIf(browserAvailable())('what a second fresh-eyes review found (issue 12)', () => {
  it('Ctrl+Z in a form box undoes that box’s typing, not an earlier change to the plan', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Jo');
    await addProgress(page, '1.1.1', 'amber', 'Saved update for 1.1.1');
    const saved = page.getByRole('group', { name: 'Action 1.1.1', exact: true }).locator('p.latest', { hasText: 'Saved update for 1.1.1' });
    await expect.poll(() => saved.count()).toBe(1);

    // A typo in another action's progress form, and Ctrl+Z.
    const other = page.getByRole('group', { name: 'Action 1.2.1', exact: true });
    await chooseFromMenu(page, 'action 1.2.1', 'Add progress…');
    const narrative = other.getByRole('form', { name: 'New progress update for action 1.2.1' }).getByRole('textbox', { name: 'Progress', exact: true });
    await narrative.focus();
    await page.keyboard.type('Meeting with polce');
    await page.keyboard.press('Control+z');
    // The browser took back the typing; the saved update on 1.1.1 is still there.
    await expect.poll(() => narrative.inputValue()).toBe('');
    expect(await saved.count()).toBe(1);

    // In the search box too, a word at a time (its results are drawn as it is typed), and the plan is left as it was.
    const search = page.getByRole('searchbox').first();
    await search.focus();
    await page.keyboard.type('child exploitation');
    await expect.poll(() => page.getByRole('list', { name: 'Search results' }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    expect(await search.inputValue()).toBe('child ');
    await page.keyboard.press('Control+z');
    expect(await search.inputValue()).toBe('');
    await page.keyboard.press('Control+Shift+z');
    expect(await search.inputValue()).toBe('child ');
    await page.keyboard.press('Control+y');
    expect(await search.inputValue()).toBe('child exploitation');
    // A run of deleting is one step; so is the box cleared with Escape.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
    expect(await search.inputValue()).toBe('child exploi');
    await page.keyboard.press('Escape');
    await expect.poll(() => search.inputValue()).toBe('');
    await page.keyboard.press('Control+z');
    expect(await search.inputValue()).toBe('child exploi');
    await page.keyboard.press('Control+z');
    expect(await search.inputValue()).toBe('child exploitation');
    // The results follow the words put back.
    await expect.poll(() => page.getByRole('list', { name: 'Search results' }).count()).toBe(1);
    // A word composed with an IME (as a phone's keyboard does too) is one step however often it changed.
    await page.keyboard.type(' ');
    const cdp = await page.context().newCDPSession(page);
    for (const text of ['ほ', 'ほご', 'ほごし']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send('Input.insertText', { text: '保護者' });
    await expect.poll(() => search.inputValue()).toBe('child exploitation 保護者');
    await page.keyboard.press('Control+z');
    expect(await search.inputValue()).toBe('child exploitation ');
    expect(await saved.count()).toBe(1);

    // In an action's own words, Ctrl+Z is still the plan's undo.
    const box = actionBox(page, 'Action 1.2.2');
    const before = await box.textContent();
    await box.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' now');
    await expect.poll(() => box.textContent()).toBe(`${before} now`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => box.textContent()).toBe(before);
    expect(await saved.count()).toBe(1);
  });

  it('starts the welcome screen with the caret in its one box', async () => {
    const { relay, browser } = await setup();
    const page = await (await browser.newContext()).newPage();
    await page.goto(relay.url);
    await page.getByRole('heading', { name: 'Welcome to Coplan' }).waitFor();
    await expect.poll(() => focused(page)).toBe('INPUT ');
    await page.keyboard.type('Ana');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ana');
  });

  it('keeps a focus area typed and not yet left through a reload, for the partner too', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Lee');
    const partner = await arrive(await browser.newContext(), relay.url, 'Sam');
    const areas = (p: Page) => p.getByRole('list', { name: 'Focus areas' }).first().getByRole('textbox');
    const before = await areas(page).count();
    await page.getByRole('button', { name: 'Add a focus area' }).first().click();
    await page.keyboard.type('Online exploitation');
    // Reloaded without leaving the box.
    await page.reload();
    await expect.poll(() => areas(page).nth(before).textContent(), { timeout: 20_000 }).toBe('Online exploitation');
    await expect.poll(() => areas(partner).nth(before).textContent(), { timeout: 10_000 }).toBe('Online exploitation');
  });

  it('the bin message says an action is back when Ctrl+Z brings it back, rather than that it is in the bin', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Ari');
    await chooseFromMenu(page, 'action 1.2.2', 'Delete');
    await expect.poll(() => binMessage(page)).toMatch(/^Action 1\.2\.2 moved to the bin\./);
    // Focus went to a neighbour: Ctrl+Z there undoes the delete.
    await expect.poll(() => focused(page)).toMatch(/action 1\.2\.2/i);
    await page.keyboard.press('Control+z');
    await expect.poll(() => binMessage(page)).toBe('Action 1.2.2 is back in the plan.');
    expect(await page.locator('bin-notice button.undo').count()).toBe(0);
  });

  it('says where an item went when it is moved up or down with its menu, focus staying on its menu', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Ola');
    const text = await actionBox(page, 'Action 1.2.2').textContent();
    await chooseFromMenu(page, 'action 1.2.2', 'Move up');
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent()).toBe(text);
    await expect.poll(() => announced(page)).toBe('Action 1.2.2 moved up; it is now action 1.2.1.');
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.2.1');
    await chooseFromMenu(page, 'priority 1', 'Move down');
    await expect.poll(() => announced(page)).toBe('Priority 1 moved down; it is now priority 2.');
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for priority 2');
  });

  it('on a phone, the bin message never covers the page’s last buttons: scrolled to its end, none is under the message', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 390, height: 844 } }), relay.url, 'Jo');
    await chooseFromMenu(page, 'action 1.2.1', 'Delete');
    await expect.poll(() => binMessage(page)).toMatch(/moved to the bin/);
    // The buttons the message covers once the page is scrolled as far down as it goes (scrolled again as far-down parts are laid out).
    const coveredAtEnd = () =>
      page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const all: Element[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const el of Array.from(root.querySelectorAll('*'))) {
            all.push(el);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        const message = all.find((el) => el.classList.contains('bin-notice'))!.getBoundingClientRect();
        return all
          .filter((el) => el.localName === 'button' && !el.closest('bin-notice'))
          .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim(), box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.height > 0 && box.bottom > message.top && box.top < message.bottom && box.right > message.left && box.left < message.right)
          .map(({ name }) => name);
      });
    await expect.poll(coveredAtEnd, { timeout: 10_000 }).toEqual([]);
  });
});
