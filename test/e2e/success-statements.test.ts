import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './browser.js';
import { arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

const box = (page: Page) => page.getByRole('textbox', { name: 'What will success look like? (success statements of priority 1), one per line', exact: true });

describe.runIf(browserAvailable())('a priority’s success statements, two partners at once (Chromium, real relay)', () => {
  it('keeps both partners’ words when each changes a different statement, one of them still writing when the other’s arrives', async () => {
    const { relay, browser } = await setup();
    const kim = await arrive(await browser.newContext(), relay.url, 'Kim');
    const sam = await arrive(await browser.newContext(), relay.url, 'Sam');
    await box(kim).fill('Children are heard\nFewer repeat referrals\nPartners share intelligence');
    await box(kim).blur();
    await expect.poll(() => box(sam).inputValue()).toBe('Children are heard\nFewer repeat referrals\nPartners share intelligence');

    // Kim starts changing the first statement; Sam changes the third and leaves the box, which saves it.
    await box(kim).fill('Children are heard and listened to\nFewer repeat referrals\nPartners share intelligence');
    await box(sam).fill('Children are heard\nFewer repeat referrals\nPartners share intelligence through MACE');
    await box(sam).blur();
    // Sam's words reach Kim's plan while Kim is still writing: Kim's box keeps what Kim typed.
    const kimsPlanHas = () =>
      kim
        .locator('text-list-field[field="successStatements"]')
        .first()
        .evaluate((el) => (el as HTMLElement & { items: string[] }).items.join('\n'));
    await expect.poll(kimsPlanHas).toBe('Children are heard\nFewer repeat referrals\nPartners share intelligence through MACE');
    expect(await box(kim).evaluate((el) => el === (el.getRootNode() as Document | ShadowRoot).activeElement)).toBe(true);
    expect(await box(kim).inputValue()).toBe('Children are heard and listened to\nFewer repeat referrals\nPartners share intelligence');
    await box(kim).blur();
    const both = 'Children are heard and listened to\nFewer repeat referrals\nPartners share intelligence through MACE';
    await expect.poll(() => box(kim).inputValue()).toBe(both);
    await expect.poll(() => box(sam).inputValue()).toBe(both);
  });
});
