/**
 * The words of a plan's preview (drawn while the plan loaded), handed on to
 * the outline's items as stand-ins: a priority or objective past a long plan's
 * first screen, whose children are drawn a moment after the first screen is up
 * ({@link ChildrenLater}), shows its children's words from the preview until
 * then, so the whole plan's words stay on screen (and in reach of find) from
 * the preview onwards. Each stand-in is taken once, and all are let go once the
 * outline has drawn everything. Words a partner changed since the preview was
 * taken are right again as soon as the item draws its children.
 */
export class OutlineStandIns {
  private readonly lists = new Map<string, Element>();

  /** The preview's words are on screen in `root`: its priorities' and objectives' lists of children can stand in. */
  adopt(root: ParentNode): void {
    for (const p of root.querySelectorAll<HTMLElement>('[data-preview-priority]')) {
      const list = p.querySelector(':scope > [data-list="objective"]');
      if (list) this.lists.set(`priority:${p.dataset.previewPriority}`, list);
    }
    for (const o of root.querySelectorAll<HTMLElement>('[data-preview-objective]')) {
      const list = o.querySelector(':scope > [data-list="action"]');
      if (list) this.lists.set(`objective:${o.dataset.previewObjective}`, list);
    }
  }

  /** The words of a priority's objectives, or an objective's actions, moved out of the preview into one element; null when the preview has none. */
  take(level: 'priority' | 'objective', id: string): HTMLElement | null {
    const key = `${level}:${id}`;
    const list = this.lists.get(key);
    if (!list) return null;
    this.lists.delete(key);
    const standIn = document.createElement('div');
    standIn.className = 'stand-in';
    standIn.append(...list.childNodes);
    return standIn;
  }

  /** Everything is drawn: the preview's words are let go. */
  clear(): void {
    this.lists.clear();
  }
}
