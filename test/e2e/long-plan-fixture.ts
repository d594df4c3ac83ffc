import type { Page } from 'playwright-core';
import type { PlanInput } from '@coplan/core';

/** A plan of 10 priorities × 10 objectives × 10 actions, as the app benchmark generates it. */
export function longPlan(): PlanInput {
  return {
    title: 'Generated plan',
    period: { start: '2025-04-01', end: '2026-03-31' },
    priorities: Array.from({ length: 10 }, (_, p) => ({
      title: `Priority ${p}`,
      objectives: Array.from({ length: 10 }, (_, o) => ({
        text: `Objective ${p}.${o}`,
        actions: Array.from({ length: 10 }, (_, a) => ({
          text: `Action ${p}.${o}.${a}: audit to be undertaken as part of QA activity`,
          leads: ['QA Sub'],
          timescale: 'By 31/03/26',
        })),
      })),
    })),
  };
}

/** Every action's text in the generated plan, in order. */
export const ACTION_TEXTS = Array.from({ length: 1000 }, (_, i) => `Action ${Math.floor(i / 100)}.${Math.floor(i / 10) % 10}.${i % 10}: audit to be undertaken as part of QA activity`);

/**
 * Each action as assistive technology is given it: every group named "Action …" in the
 * outline, and the words inside it (plain text, or its text box's text in the box's shadow
 * root). Read from the page itself: Chromium's own accessibility tree (CDP) leaves out
 * items off screen under `content-visibility: auto` until they are laid out, with or
 * without the staged drawing, so it cannot be the measure here.
 */
export function actionGroups(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const words = (el: Element): string =>
      Array.from(el.childNodes)
        .map((n) => (n.nodeType === Node.TEXT_NODE ? (n.textContent ?? '') : n instanceof Element ? words(n) + (n.shadowRoot ? words(n.shadowRoot as unknown as Element) : '') : ''))
        .join(' ');
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const label = el.getAttribute('aria-label');
        if (el.getAttribute('role') === 'group' && label?.startsWith('Action ')) out[label] = words(el).replace(/\s+/g, ' ');
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
}

/** The actions whose words are not in the page under their own name ("Action 10.10.10"). */
export async function missingActions(page: Page): Promise<string[]> {
  const groups = await actionGroups(page);
  return ACTION_TEXTS.filter((t, i) => !groups[`Action ${Math.floor(i / 100) + 1}.${(Math.floor(i / 10) % 10) + 1}.${(i % 10) + 1}`]?.includes(t));
}
