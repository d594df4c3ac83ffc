import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createPlan, openPlan } from '@coplan/core';
import { connect, startRelayProcess, waitFor, type RelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { browserAvailable, launch } from './browser.js';
import { axeViolations } from './axe.js';
import { actionBox, APP } from './session.js';
import { ACTION_TEXTS, longPlan, missingActions } from './long-plan-fixture.js';
import { holdTheCopy } from './hold-copy.js';

/** Runs `change` on the plan's stored preview markup (gzipped, as the app keeps it) and returns the markup; null when there is none. Writes it back when `change` gives other markup. */
function withPreview(page: Page, planId: string, change?: { from: string; to: string }): Promise<string | null> {
  return page.evaluate(
    ([id, edit]) =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('coplan-outline-previews', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('previews');
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('previews').objectStore('previews').get(id!);
          get.onsuccess = async () => {
            const stored = get.result as { gzipped?: ArrayBuffer; html?: string } | undefined;
            if (!stored) return resolve(null);
            const html = stored.gzipped ? await new Response(new Blob([stored.gzipped]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : stored.html!;
            if (!edit) return resolve(html);
            const changed = html.replace(edit.from, edit.to);
            const gzipped = await new Response(new Blob([changed]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
            db
              .transaction('previews', 'readwrite')
              .objectStore('previews')
              .put({ ...stored, gzipped }, id!).onsuccess = () => resolve(changed);
          };
        };
      }),
    [planId, change ?? null] as const,
  );
}

/** The plan's preview as this device keeps it (its outline's words as markup), or null when there is none. */
const storedPreview = (page: Page, planId: string) => withPreview(page, planId);

/** How many of the preview's stand-ins are still in the outline. */
const standInsLeft = (page: Page) =>
  page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | null => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.localName === 'plan-outline') return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    return find(document)?.shadowRoot?.querySelectorAll('.stand-in').length ?? -1;
  });

/**
 * A long plan's reload puts its words on screen before the plan itself has
 * loaded: the words of its outline as this device last had them (its
 * preview), which the outline then takes over and puts right.
 */
describe.runIf(browserAvailable())("a long plan's preview while it loads", () => {
  let relay: RelayProcess;
  let browser: Browser;
  let partner: ReturnType<typeof openPlan>;
  const stop: Array<() => unknown> = [];

  beforeAll(async () => {
    relay = await startRelayProcess(['--static', APP]);
    stop.push(() => relay.stop('SIGKILL'));
    const doc = new Y.Doc();
    createPlan(doc, longPlan(), { planId: 'long' });
    const uploader = connect(relay, 'long', { doc });
    stop.push(() => uploader.destroy());
    await waitFor(() => expect(uploader.synced).toBe(true));
    partner = openPlan(doc, { user: 'Partner' });
    browser = await launch();
    stop.push(() => browser.close());
  }, 60_000);
  afterAll(async () => {
    for (const f of stop.reverse()) await f();
  });

  /** A person who has had the long plan open: this device holds it, with its preview. */
  async function visited(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    await context.addInitScript(() => localStorage.setItem('coplan:user', JSON.stringify({ name: 'Robin', colour: '#1d70b8' })));
    const page = await context.newPage();
    await page.goto(`${relay.url}/#/plan/long`);
    await actionBox(page, 'Action 1.1.1').waitFor({ timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await expect.poll(() => storedPreview(page, 'long'), { timeout: 30_000 }).toContain(ACTION_TEXTS[999]);
    return { context, page };
  }

  it('shows every action’s words, named, while the plan loads offline, with nothing to edit yet; then the same words live', async () => {
    const { context, page } = await visited();
    await context.addInitScript(holdTheCopy);
    await context.setOffline(true);
    await page.reload();

    // The plan's own copy is held back: what is on screen is the preview.
    await page.getByText(ACTION_TEXTS[999]!, { exact: true }).waitFor({ state: 'attached', timeout: 30_000 });
    expect(await page.getByRole('status').filter({ hasText: 'Opening the plan…' }).count()).toBe(1);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await missingActions(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // Where the outline was drawn when the plan last opened: nothing moves when the outline takes over (search and filters, which come later, have their room kept).
    const heading = page.getByRole('heading', { name: 'Priority 1', exact: true });
    const before = (await heading.boundingBox())!.y;

    await page.evaluate(() => (window as unknown as { __releaseCopy: () => void }).__releaseCopy());
    await actionBox(page, 'Action 1.1.1').waitFor({ timeout: 30_000 });
    await page.getByRole('searchbox', { name: 'Search this plan' }).waitFor();
    expect(Math.abs((await heading.boundingBox())!.y - before)).toBeLessThanOrEqual(8);
    // The outline drew everything itself: no stand-in left, every action's words still there.
    await expect.poll(() => standInsLeft(page), { timeout: 30_000 }).toBe(0);
    expect(await missingActions(page)).toEqual([]);
    expect(await page.getByRole('status').filter({ hasText: 'Opening the plan…' }).count()).toBe(0);

    // The last action, its words once the preview's, is now an editor.
    await page.getByText(ACTION_TEXTS[999]!, { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await actionBox(page, 'Action 10.10.10').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' checked');
    await expect.poll(() => actionBox(page, 'Action 10.10.10').textContent()).toBe(`${ACTION_TEXTS[999]} checked`);
    await context.close();
  }, 120_000);

  it('puts right words the preview had from an older visit, once the plan has loaded', async () => {
    const { context, page } = await visited();
    const old = 'Words this device had at an older visit';
    expect(await withPreview(page, 'long', { from: ACTION_TEXTS[998]!, to: old })).toContain(old);
    await context.addInitScript(holdTheCopy);
    await context.setOffline(true);
    await page.reload();
    await page.getByText(old, { exact: true }).waitFor({ state: 'attached', timeout: 30_000 });

    await page.evaluate(() => (window as unknown as { __releaseCopy: () => void }).__releaseCopy());
    await expect.poll(() => page.getByText(old, { exact: true }).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByText(ACTION_TEXTS[998]!, { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => standInsLeft(page), { timeout: 30_000 }).toBe(0);
    // The preview is kept again from the plan itself.
    await expect.poll(() => storedPreview(page, 'long'), { timeout: 30_000 }).not.toContain(old);
    await context.close();
  }, 120_000);

  it('goes with the plan when the plan is deleted from this device', async () => {
    const { context, page } = await visited();
    await page.goto(`${relay.url}/#/`);
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete Generated plan from this device' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Generated plan' }).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => storedPreview(page, 'long')).toBeNull();
    await context.close();
  }, 120_000);
  it("keeps on this device a partner's change that arrived from the relay while this device's copy waited behind the preview", async () => {
    const { context, page } = await visited();
    await context.addInitScript(holdTheCopy);
    await page.reload();
    await page.getByText(ACTION_TEXTS[999]!, { exact: true }).waitFor({ state: 'attached', timeout: 30_000 });
    const words = `Changed by a partner while this device was loading: ${ACTION_TEXTS[0]}`;
    const first = partner.childIds('action', partner.childIds('objective', partner.childIds('priority', null)[0]!)[0]!)[0]!;
    partner.editText('action', first, 'text', 0, 0, 'Changed by a partner while this device was loading: ');
    // The relay's copy opens the plan while this device's copy is still held back.
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent(), { timeout: 30_000 }).toBe(words);
    await page.evaluate(() => (window as unknown as { __releaseCopy: () => void }).__releaseCopy());
    await expect.poll(() => standInsLeft(page), { timeout: 30_000 }).toBe(0);

    // Offline, from this device alone: the partner's change is there.
    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => (window as unknown as { __releaseCopy: () => void }).__releaseCopy());
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent(), { timeout: 30_000 }).toBe(words);
    partner.editText('action', first, 'text', 0, 'Changed by a partner while this device was loading: '.length, '');
    await context.close();
  }, 120_000);
});
