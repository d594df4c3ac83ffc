import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Puts the caret (or a selection) in a text box at text indices, as a click or the arrow keys would. */
export async function placeCaret(box: Locator, anchor: number, head = anchor): Promise<void> {
  await box.focus();
  await box.evaluate(
    (el, [a, h]) => {
      const text = el.firstChild ?? el;
      const clamp = (i: number) => Math.min(i, text.textContent?.length ?? 0);
      document.getSelection()!.setBaseAndExtent(text, clamp(a!), text, clamp(h!));
    },
    [anchor, head],
  );
}

/** Types `text` one key at a time, each key held for a moment drawn from `pace` (ms), as a person's rhythm. */
export async function typeAtPace(page: Page, text: string, pace: () => number): Promise<void> {
  for (const ch of text) await page.keyboard.type(ch, { delay: Math.round(pace()) });
}

/** Waits until every page's box shows the same text, and returns it. */
export async function convergedText(boxes: Locator[], timeout = 20_000): Promise<string> {
  let texts: string[] = [];
  await expect
    .poll(
      async () => {
        texts = await Promise.all(boxes.map((b) => b.textContent().then((t) => t ?? '')));
        return new Set(texts).size;
      },
      { timeout, message: 'every screen shows the same text' },
    )
    .toBe(1);
  return texts[0]!;
}
