/** The element with keyboard focus, looking inside shadow roots; null when nothing has focus. */
export function focusedElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * Whether the focused element is a form box the browser keeps its own typing
 * history for (a search box, a form's text, a date, a grid cell being edited):
 * there Ctrl+Z undoes that typing, as everywhere else, not a change to the plan.
 */
export function focusIsInFormBox(): boolean {
  const el = focusedElement();
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'file', 'range', 'color'].includes(el.type);
}
