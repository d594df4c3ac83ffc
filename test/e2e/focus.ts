import type { Page } from 'playwright-core';

/** What has keyboard focus, through shadow roots: its tag and its label (or text); 'BODY' when focus has fallen to the page. */
export function focusedStop(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return 'BODY';
    return `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)}`;
  });
}

/** What has keyboard focus, through shadow roots: its role (or tag), accessible label, text and value. */
export function focusedElement(page: Page): Promise<{ role: string; label: string; text: string; value: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      text: (el?.textContent ?? '').trim(),
      value: (el as HTMLInputElement | null)?.value ?? '',
    };
  });
}

/**
 * Takes focus off whatever has it and puts the browser's starting point for
 * Tab at the top of the page (before the app), so the next Tab reaches the
 * page's first stop, as on a page just opened.
 */
export function blurFocus(page: Page): Promise<void> {
  return page.evaluate(() => {
    const top = document.createElement('span');
    top.tabIndex = -1;
    document.body.prepend(top);
    top.focus();
    top.blur();
  });
}

/** How what has keyboard focus is named, through shadow roots: its label, else its text; 'nothing' when nothing has focus. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? (el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName) : 'nothing';
  });
}
