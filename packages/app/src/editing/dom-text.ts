/**
 * The DOM side of a shared text field: the editable box holds exactly one
 * text node with the field's text (and, when the text ends with a new line, a
 * `<br>` so the empty last line shows), so an index into the shared text is an
 * offset into that node.
 */

/** Puts `text` in the box, replacing whatever is there. */
export function renderText(box: HTMLElement, text: string): void {
  box.replaceChildren(document.createTextNode(text));
  fixLastLine(box);
}

/** The box's text node, made if missing. */
export function textNode(box: HTMLElement): Text {
  const first = box.firstChild;
  if (first instanceof Text && box.childNodes.length <= 2) return first;
  const text = box.textContent ?? '';
  renderText(box, text);
  return box.firstChild as Text;
}

/** Applies a Yjs text delta to the box's text node, in place, as a partner's keystroke needs. */
export function applyDelta(box: HTMLElement, delta: Array<{ insert?: unknown; retain?: number; delete?: number }>): void {
  const node = textNode(box);
  let at = 0;
  for (const op of delta) {
    if (op.retain) at += op.retain;
    else if (typeof op.insert === 'string') {
      node.insertData(at, op.insert);
      at += op.insert.length;
    } else if (op.delete) node.deleteData(at, op.delete);
  }
  fixLastLine(box);
}

/** A trailing new line shows as an empty line only with something after it. */
function fixLastLine(box: HTMLElement): void {
  const text = box.firstChild as Text;
  const needsBreak = text.data.endsWith('\n');
  const hasBreak = box.lastChild instanceof HTMLBRElement;
  if (needsBreak && !hasBreak) box.append(document.createElement('br'));
  if (!needsBreak && hasBreak) box.lastChild!.remove();
}

/** The text index of a DOM point inside the box, or null when the point is outside it. */
export function indexOf(box: HTMLElement, node: Node, offset: number): number | null {
  if (node === box) {
    let index = 0;
    for (let i = 0; i < offset && i < box.childNodes.length; i++) index += box.childNodes[i] instanceof Text ? (box.childNodes[i] as Text).length : 0;
    return index;
  }
  if (!box.contains(node)) return null;
  if (node === box.firstChild) return offset;
  // Any other node (the browser's own, mid-composition): count the text before it.
  const range = document.createRange();
  range.setStart(box, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The DOM point of a text index. */
export function pointAt(box: HTMLElement, index: number): [Node, number] {
  const node = textNode(box);
  return [node, Math.max(0, Math.min(index, node.length))];
}

/** The selection inside the box, as text indices (anchor and head), or null when it is elsewhere. */
export function readSelection(box: HTMLElement): { anchor: number; head: number } | null {
  const root = box.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  const sel = root.getSelection?.() ?? document.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
  const anchor = indexOf(box, sel.anchorNode, sel.anchorOffset);
  const head = indexOf(box, sel.focusNode, sel.focusOffset);
  return anchor === null || head === null ? null : { anchor, head };
}

/**
 * Puts the browser's selection at these text indices. Reading the selection
 * first (to leave one already there alone) makes the browser lay the page out;
 * `unread` skips that when the caller knows the box just changed under it.
 */
export function writeSelection(box: HTMLElement, anchor: number, head: number, unread = false): void {
  const sel = document.getSelection();
  if (!sel) return;
  const [an, ao] = pointAt(box, anchor);
  const [hn, ho] = pointAt(box, head);
  if (!unread) {
    const current = readSelection(box);
    if (current && current.anchor === anchor && current.head === head) return;
  }
  sel.setBaseAndExtent(an, ao, hn, ho);
}

/** A static range's text indices, or null when it is not inside the box. */
export function rangeIndices(box: HTMLElement, range: StaticRange | Range): { from: number; to: number } | null {
  const from = indexOf(box, range.startContainer, range.startOffset);
  const to = indexOf(box, range.endContainer, range.endOffset);
  return from === null || to === null ? null : { from: Math.min(from, to), to: Math.max(from, to) };
}

/** Where, relative to `origin`, the text between two indices is drawn: one rectangle per line. */
export function rectsBetween(box: HTMLElement, from: number, to: number, origin: DOMRect): DOMRect[] {
  const range = document.createRange();
  const [sn, so] = pointAt(box, Math.min(from, to));
  const [en, eo] = pointAt(box, Math.max(from, to));
  range.setStart(sn, so);
  range.setEnd(en, eo);
  let rects = Array.from(range.getClientRects());
  if (rects.length === 0) {
    // An empty field: the caret sits at the start of its content box.
    const r = box.getBoundingClientRect();
    const style = getComputedStyle(box);
    rects = [new DOMRect(r.left + parseFloat(style.paddingLeft), r.top + parseFloat(style.paddingTop), 0, parseFloat(style.lineHeight) || 20)];
  }
  return rects.map((r) => new DOMRect(r.left - origin.left, r.top - origin.top, r.width, r.height));
}
