import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/** How many times each item of the outline has rendered, by tag and id (the items count their own renders). */
function renders(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const visit = (root: Document | ShadowRoot | Element) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const item = el as Element & { renders?: number; entityId?: string };
        if (/^(plan-outline|priority-item|objective-item|action-item)$/.test(el.localName)) out[`${el.localName} ${item.entityId ?? ''}`.trim()] = item.renders ?? -1;
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
}

/** The id of the action with this label, as the page knows it. */
function actionId(page: Page, label: string): Promise<string> {
  return actionBox(page, label).evaluate((box) => ((box.getRootNode() as ShadowRoot).host.closest('action-item') as unknown as { entityId: string }).entityId);
}

/**
 * The app's cost follows the change, not the plan: a partner's keystrokes in
 * one action re-render that action (and the objective that lists it), and
 * nothing else of the plan.
 */
describe.runIf(browserAvailable())('what a partner’s typing re-renders', () => {
  it('re-renders the action typed in, and no other action, priority or the outline', async () => {
    const { relay, browser } = await setup();
    const alice = await arrive(await browser.newContext(), relay.url, 'Alice');
    const bob = await arrive(await browser.newContext(), relay.url, 'Bob');
    await expect.poll(() => bob.getByRole('status').filter({ hasText: 'Connected, all changes synced' }).count()).toBe(1);
    const id = await actionId(bob, 'Action 1.2.1');
    const before = await renders(bob);
    expect(Object.keys(before).filter((k) => k.startsWith('action-item')).length).toBeGreaterThan(40);
    const box = actionBox(alice, 'Action 1.2.1');
    const text = (await box.textContent()) ?? '';
    await box.click();
    await alice.keyboard.press('Control+End');
    await alice.keyboard.type(' now');
    await expect.poll(() => actionBox(bob, 'Action 1.2.1').textContent()).toBe(text + ' now');
    const after = await renders(bob);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    // The action typed in re-rendered; beside it at most the objective that lists it.
    expect(changed).toContain(`action-item ${id}`);
    expect(changed.filter((k) => k !== `action-item ${id}` && !k.startsWith('objective-item'))).toEqual([]);
    expect(changed.filter((k) => k.startsWith('objective-item')).length).toBeLessThanOrEqual(1);
  });
});
