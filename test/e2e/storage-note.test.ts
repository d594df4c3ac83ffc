import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
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
    expect(words).toBe('Your work is saved on this device as you type. To keep it here for good, install Coplan (on an iPad: Share, then Add to Home Screen).');
    expect(words).not.toMatch(/may clear|cannot|lose|risk/i);
  });
});
