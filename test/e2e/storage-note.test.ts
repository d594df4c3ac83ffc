import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { focusedStop } from './focus.js';
import { tooWide } from './narrow.js';
import { cleanUp, setup } from './session.js';

afterEach(cleanUp);

describe.runIf(browserAvailable())('the storage note on a first visit', () => {
  it('says work is saved here and how to keep it for good, without alarming; it matches what the browser granted', async () => {
    const { relay, browser } = await setup();
    const page = await (await browser.newContext()).newPage();
    await page.goto(relay.url);
    const note = page.getByRole('banner').getByRole('status');
    await expect.poll(() => note.textContent()).toMatch(/\S/);
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    const words = (await note.textContent())!.trim();
    // A fresh profile is not granted lasting storage: the note says what to do, not what might go wrong.
    expect(persisted).toBe(false);
    expect(words).toBe('Saved here. Install Coplan to keep it.');
    expect(words).not.toMatch(/may clear|cannot|lose|risk/i);
  });

  it('takes one line at 375 px, beside its Dismiss; dismissed, it stays gone on this device, and focus goes to the page', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(relay.url);
    const note = page.getByRole('banner').getByRole('status');
    await expect.poll(() => note.textContent()).toMatch(/\S/);
    const dismiss = page.getByRole('button', { name: 'Dismiss the storage note' });
    const lines = await note.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    const words = (await note.boundingBox())!;
    const button = (await dismiss.boundingBox())!;
    expect(button.y < words.y + words.height && button.y + button.height > words.y).toBe(true);
    expect(button.x + button.width).toBeLessThanOrEqual(375);
    expect(await tooWide(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await dismiss.click();
    await expect.poll(() => note.textContent()).toBe('');
    expect(await dismiss.count()).toBe(0);
    expect(await focusedStop(page)).toMatch(/^MAIN/);
    // Another visit on this device: still gone.
    await page.reload();
    await page.locator('.note[data-known]').waitFor({ state: 'attached' });
    expect(await dismiss.count()).toBe(0);
    expect(await note.textContent()).toBe('');
  });
});
