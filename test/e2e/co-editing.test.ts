import { afterEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, cleanUp, setup, chooseFromMenu } from './session.js';
import { withSeed } from './seeded-random.js';
import { storedUpdates } from './device-store.js';
import { convergedText, placeCaret, typeAtPace } from './typing.js';

afterEach(cleanUp);

const FIELD = 'Action 1.1.1';
const START = 'Refresh Pan-Lancs CSE strategy and re-launch';
const NAMES = ['Alice', 'Bob', 'Chidi', 'Dana'];
/** Each person's words, made of letters no one else types, so whose are whose can be read off the result. */
const WORDS = [' [police:abc]', ' [council:def]', ' [health:ghi]', ' [school:jkl]'];

async function people(browser: Browser, url: string, count: number): Promise<Array<{ context: BrowserContext; page: Page }>> {
  const out = [];
  for (const name of NAMES.slice(0, count)) {
    const context = await browser.newContext();
    out.push({ context, page: await arrive(context, url, name) });
  }
  for (const { page } of out) await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected, all changes synced' }).count()).toBe(1);
  return out;
}

/** The original text with nothing lost, and every word in it whole. */
function expectWhole(text: string, words: string[]): void {
  for (const word of words) expect(text, `“${word.trim()}” stays together`).toContain(word.trim());
  const withoutWords = words
    .reduce((t, w) => t.replace(w.trim(), ''), text)
    .replace(/\s+/g, ' ')
    .trim();
  expect(withoutWords).toBe(START);
}

describe.runIf(browserAvailable())('typing together in one field (Chromium, real relay)', () => {
  it('four people type at the end of one field at once, at their own pace: every screen ends the same, each person’s words whole', async () => {
    const { relay, browser } = await setup();
    const team = await people(browser, relay.url, 4);
    const boxes = team.map(({ page }) => actionBox(page, FIELD));
    await withSeed(async (random) => {
      for (const box of boxes) await placeCaret(box, START.length);
      await Promise.all(team.map(({ page }, i) => typeAtPace(page, WORDS[i]!, () => random() * 60)));
      const text = await convergedText(boxes);
      expectWhole(text, WORDS);
      expect(text.startsWith(START)).toBe(true);
    });
  });

  it('three people at random spots with random delays, one of them offline meanwhile, and deleting over a partner’s typing', async () => {
    const { relay, browser } = await setup();
    const team = await people(browser, relay.url, 3);
    const boxes = team.map(({ page }) => actionBox(page, FIELD));
    await withSeed(async (random) => {
      // Two word boundaries of the original text, drawn at random: with three people, at least two share one.
      const all = [0, ...[...START.matchAll(/ /g)].map((m) => m.index!), START.length];
      const pair = [all[Math.floor(random() * all.length)]!, all[Math.floor(random() * all.length)]!];
      const spots = team.map(() => pair[Math.floor(random() * 2)]!);
      for (const [i, box] of boxes.entries()) await placeCaret(box, spots[i]!);
      const traveller = team[2]!;
      await traveller.context.setOffline(true);
      await expect.poll(() => traveller.page.getByRole('status').filter({ hasText: 'Offline' }).count()).toBe(1);
      await Promise.all(team.map(({ page }, i) => typeAtPace(page, WORDS[i]!, () => random() * 80)));
      // Alice selects the word "Refresh" and deletes it while Bob types at the end.
      await placeCaret(boxes[0]!, 0, 0);
      const alicesSelection = (await boxes[0]!.textContent())!.indexOf('Refresh');
      await placeCaret(boxes[0]!, alicesSelection, alicesSelection + 'Refresh'.length);
      await placeCaret(boxes[1]!, (await boxes[1]!.textContent())!.length);
      await Promise.all([team[0]!.page.keyboard.press('Backspace'), typeAtPace(team[1]!.page, ' [more:mno]', () => random() * 40)]);
      await traveller.context.setOffline(false);
      const text = await convergedText(boxes);
      for (const word of [...WORDS.slice(0, 3), ' [more:mno]']) expect(text).toContain(word.trim());
      expect(text).not.toContain('Refresh');
    });
  });

  it('a deletion over a partner’s typing takes only what was selected: the partner’s letters, typed meanwhile, stay whole', async () => {
    const { relay, browser } = await setup();
    const [alice, bob] = await people(browser, relay.url, 2);
    const a = actionBox(alice!.page, FIELD);
    const b = actionBox(bob!.page, FIELD);
    // Bob types at the end of "re-launch" while Alice selects "and re-launch" and deletes it.
    await placeCaret(b, START.length);
    await placeCaret(a, START.indexOf(' and'), START.length);
    await Promise.all([typeAtPace(bob!.page, ' [by June:pqr]', () => 20), alice!.page.keyboard.press('Delete')]);
    const text = await convergedText([a, b]);
    expect(text).toBe('Refresh Pan-Lancs CSE strategy [by June:pqr]');
  });

  it('the toolbar says who is in the plan now: each person sees the other arrive, and leave when they close the plan', async () => {
    const { relay, browser } = await setup();
    const [alice, bob] = await people(browser, relay.url, 2);
    const here = (page: Page) => page.getByLabel('People in this plan now');
    for (const { page } of [alice!, bob!]) {
      await expect.poll(() => here(page).textContent()).toContain('Alice');
      await expect.poll(() => here(page).textContent()).toContain('Bob');
    }
    await bob!.context.close();
    await expect.poll(() => here(alice!.page).textContent(), { timeout: 15_000 }).not.toContain('Bob');
    expect(await here(alice!.page).textContent()).toContain('Alice');
  });

  it('paste goes in at the caret as one piece; lines pasted into a one-line field become spaces', async () => {
    const { relay, browser } = await setup();
    const [alice, bob] = await people(browser, relay.url, 2);
    const a = actionBox(alice!.page, FIELD);
    const b = actionBox(bob!.page, FIELD);
    await alice!.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await placeCaret(a, 'Refresh'.length);
    await alice!.page.evaluate(() => navigator.clipboard.writeText(' the multi-agency\nexploitation'));
    await placeCaret(b, 'Refresh'.length);
    await Promise.all([alice!.page.keyboard.press('Control+V'), typeAtPace(bob!.page, ' [bob:stu]', () => 15)]);
    const text = await convergedText([a, b]);
    expect(text).toContain(' the multi-agency exploitation');
    expect(text).toContain('[bob:stu]');
    expect(text.replace(' the multi-agency exploitation', '').replace(' [bob:stu]', '')).toBe(START);
  });

  it('IME composition (as Japanese input or dictation): the composed text lands whole at the caret, while a partner types at the same spot', async () => {
    const { relay, browser } = await setup();
    const [alice, bob] = await people(browser, relay.url, 2);
    const a = actionBox(alice!.page, FIELD);
    const b = actionBox(bob!.page, FIELD);
    await placeCaret(a, START.length);
    await placeCaret(b, START.length);
    const cdp = await alice!.context.newCDPSession(alice!.page);
    await cdp.send('Input.imeSetComposition', { text: ' に', selectionStart: 2, selectionEnd: 2 });
    const stored = await storedUpdates(alice!.page, 'demo');
    await typeAtPace(bob!.page, ' [bob:vw]', () => 10);
    // Bob's letters reach Alice's copy while she is still composing (each is stored there as it arrives); her screen is left to the IME until she finishes.
    await expect.poll(() => storedUpdates(alice!.page, 'demo')).toBeGreaterThanOrEqual(stored + ' [bob:vw]'.length);
    const composing = (await a.textContent())!;
    expect(composing).toContain(' に');
    expect(composing).not.toContain('[bob:vw]');
    await cdp.send('Input.imeSetComposition', { text: ' にほん', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.insertText', { text: ' 日本' });
    await alice!.page.keyboard.type('!');
    const text = await convergedText([a, b]);
    expect(text).toContain(' 日本!');
    expect(text).toContain(' [bob:vw]');
    expect(text.replace(' 日本!', '').replace(' [bob:vw]', '')).toBe(START);
  });

  it('a keyboard that recomposes the word at the caret (as Android keyboards do) replaces that word rather than adding to it', async () => {
    const { relay, browser } = await setup();
    const [alice, bob] = await people(browser, relay.url, 2);
    const a = actionBox(alice!.page, FIELD);
    await placeCaret(a, 'Refresh'.length);
    const cdp = await alice!.context.newCDPSession(alice!.page);
    await cdp.send('Input.imeSetComposition', { text: 'Renew', selectionStart: 5, selectionEnd: 5, replacementStart: 0, replacementEnd: 'Refresh'.length });
    await cdp.send('Input.insertText', { text: 'Renew' });
    const text = await convergedText([a, actionBox(bob!.page, FIELD)]);
    expect(text).toBe(START.replace('Refresh', 'Renew'));
  });

  it('a partner deleting the action above mine, while I type in mine, does not move my typing into another action', async () => {
    const { relay, browser } = await setup();
    const [alice, bob] = await people(browser, relay.url, 2);
    const mine = actionBox(alice!.page, 'Action 1.2.2');
    const text = 'CSE Sub Group will monitor and receive feedback from CPBs';
    await expect.poll(() => mine.textContent()).toMatch(new RegExp(`^${text}`));
    await placeCaret(mine, text.length);
    await alice!.page.keyboard.type(' [alice:xy]');
    await chooseFromMenu(bob!.page, 'action 1.2.1', 'Delete');
    // My action is now 1.2.1 on every screen; my caret is still in it, after my words.
    await expect.poll(() => actionBox(alice!.page, 'Action 1.2.1').textContent()).toMatch(new RegExp(`^${text} \\[alice:xy\\]`));
    await alice!.page.keyboard.type(' [more:zw]');
    const boxes = [actionBox(alice!.page, 'Action 1.2.1'), actionBox(bob!.page, 'Action 1.2.1')];
    const merged = await convergedText(boxes);
    const expected = `${text} [alice:xy] [more:zw]`;
    expect(merged.slice(0, expected.length)).toBe(expected);
  });

  it('a partner moving the action I am typing in: my caret and my typing stay in it, and its text keeps syncing', async () => {
    const { relay, browser } = await setup();
    const [alice, bob] = await people(browser, relay.url, 2);
    const text = 'CSE Sub Group will monitor and receive feedback from CPBs';
    const mine = actionBox(alice!.page, 'Action 1.2.2');
    await expect.poll(() => mine.textContent()).toMatch(new RegExp(`^${text}`));
    await placeCaret(mine, text.length);
    await alice!.page.keyboard.type(' [a:xy]');
    await chooseFromMenu(bob!.page, 'action 1.2.2', 'Move down');
    await expect.poll(() => actionBox(alice!.page, 'Action 1.2.3').textContent()).toMatch(new RegExp(`^${text} \\[a:xy\\]`));
    await alice!.page.keyboard.type(' [b:zw]');
    await actionBox(bob!.page, 'Action 1.2.3').focus();
    await bob!.page.keyboard.press('Home');
    await bob!.page.keyboard.type('[bob] ');
    const merged = await convergedText([actionBox(alice!.page, 'Action 1.2.3'), actionBox(bob!.page, 'Action 1.2.3')]);
    const expected = `[bob] ${text} [a:xy] [b:zw]`;
    expect(merged.slice(0, expected.length)).toBe(expected);
  });

  it('shows where a partner is typing: their caret in their colour with their name, hidden from screen readers, and “… is editing this” in words', async () => {
    const { relay, browser } = await setup();
    const [alice, bob] = await people(browser, relay.url, 2);
    const a = actionBox(alice!.page, FIELD);
    await placeCaret(actionBox(bob!.page, FIELD), 'Refresh'.length);
    await expect.poll(() => alice!.page.getByText('Bob is editing this').count()).toBe(1);
    const caret = alice!.page.locator('[data-partner="Bob"]');
    await expect.poll(() => caret.count()).toBe(1);
    const [caretBox, fieldBox] = await Promise.all([caret.boundingBox(), a.boundingBox()]);
    expect(caretBox!.x).toBeGreaterThan(fieldBox!.x);
    expect(caretBox!.x).toBeLessThan(fieldBox!.x + fieldBox!.width);
    expect(await caret.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
    expect(await axeViolations(alice!.page)).toEqual([]);
    // Bob selects "Pan-Lancs": Alice sees it highlighted, and the caret goes when Bob leaves the field.
    const from = START.indexOf('Pan-Lancs');
    await placeCaret(actionBox(bob!.page, FIELD), from, from + 'Pan-Lancs'.length);
    await expect.poll(() => alice!.page.locator('.selected').count()).toBeGreaterThan(0);
    // At the end of the text, then the window narrows and the text wraps: the caret follows it.
    await placeCaret(actionBox(bob!.page, FIELD), START.length);
    // (further along the line than after "Refresh")
    await expect.poll(async () => (await caret.boundingBox())!.x).toBeGreaterThan(caretBox!.x + 100);
    const wide = (await caret.boundingBox())!;
    await alice!.page.setViewportSize({ width: 420, height: 800 });
    await expect.poll(async () => (await caret.boundingBox())!.y).toBeGreaterThan(wide.y);
    const narrow = (await a.boundingBox())!;
    const moved = (await caret.boundingBox())!;
    expect(moved.x).toBeLessThanOrEqual(narrow.x + narrow.width);
    await bob!.page.getByRole('button', { name: 'Plan', exact: true }).focus();
    await expect.poll(() => caret.count()).toBe(0);
  });

  it('fields that hold paragraphs take new lines; one-line fields do not; Ctrl+Z undoes typing through the plan’s undo', async () => {
    const { relay, browser } = await setup();
    const [alice] = await people(browser, relay.url, 1);
    const page = alice!.page;
    // The demo plan has no vision yet: its box comes with "Add a vision".
    await page.getByRole('button', { name: 'Add a vision' }).click();
    const vision = page.getByRole('textbox', { name: 'Vision', exact: true });
    expect(await vision.getAttribute('aria-multiline')).toBe('true');
    const before = (await vision.textContent()) ?? '';
    await placeCaret(vision, before.length);
    await page.keyboard.press('Enter');
    await page.keyboard.type('A second paragraph.');
    await expect.poll(() => vision.textContent()).toBe(`${before}\nA second paragraph.`);
    const action = actionBox(page, FIELD);
    expect(await action.getAttribute('aria-multiline')).toBe('false');
    await placeCaret(action, START.length);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(' now');
    await expect.poll(() => action.textContent()).toBe(`${START} now`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => action.textContent()).toBe(START);
  });
});
