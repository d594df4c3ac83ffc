import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

describe.runIf(browserAvailable())('undo in a workshop', () => {
  it('Undo of "Add an action" after a partner wrote in it puts the action in the bin with their words, says so, and Restore brings it back for both', async () => {
    const { relay, browser } = await setup();
    const ann = await arrive(await browser.newContext(), relay.url, 'Ann');
    const bob = await arrive(await browser.newContext(), relay.url, 'Bob');
    const before = await ann.getByRole('textbox', { name: /^Action 1\.3\.\d+$/ }).count();
    const added = `Action 1.3.${before + 1}`;

    await ann.getByRole('button', { name: 'Add an action to objective 1.3' }).click();
    await expect.poll(() => bob.getByRole('textbox', { name: added, exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await actionBox(bob, added).click();
    await bob.keyboard.type('Bob’s words');
    await expect.poll(() => actionBox(ann, added).textContent(), { timeout: 20_000 }).toBe('Bob’s words');

    await ann.getByRole('toolbar', { name: 'Plan tools' }).getByRole('button', { name: 'Undo', exact: true }).click();
    // Ann is told, and can bring it back; nothing Bob wrote is gone.
    await expect
      .poll(() => ann.locator('bin-notice [role="status"]').textContent())
      .toBe('Undo put the action “Bob’s words” in the bin instead of removing it: a partner had worked on it. Restore it if it should stay. Tab to Restore.');
    expect(await ann.getByRole('textbox', { name: added, exact: true }).count()).toBe(0);
    // Bob, writing in it, is told where it went, and it is there.
    await expect.poll(() => bob.getByRole('textbox', { name: added, exact: true }).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => bob.locator('bin-notice [role="status"]').textContent()).toMatch(new RegExp(`^${added.replaceAll('.', '\\.')} was deleted by Ann; it is in the bin\\.`));
    expect(await axeViolations(ann)).toEqual([]);

    await ann.getByRole('button', { name: 'Restore the action “Bob’s words”' }).click();
    for (const page of [ann, bob]) await expect.poll(() => actionBox(page, added).textContent(), { timeout: 20_000 }).toBe('Bob’s words');
  });
});
