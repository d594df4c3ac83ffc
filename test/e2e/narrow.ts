import type { Page } from 'playwright-core';

/**
 * What is drawn past the right edge of the viewport (a phone's 375 px, or 320), looking
 * through shadow roots: each as its tag, class or label, and its width and
 * right edge. Whatever a scrolled box hides off to the side counts too: it is
 * as out of reach as if it ran off the page.
 */
export function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const visit = (root: ParentNode): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || r.right <= width + 1) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'contents') continue;
        if (el.closest('details:not([open]) > :not(summary)')) continue;
        const name = el.getAttribute('aria-label') ?? el.getAttribute('class') ?? el.id ?? '';
        out.push(`${el.tagName.toLowerCase()}${name ? ` "${name.slice(0, 40)}"` : ''} ${Math.round(r.width)}px wide, right edge at ${Math.round(r.right)}px`);
      }
    };
    visit(document);
    if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
    return out;
  });
}
