import type { Plan } from '@coplan/core';
import { plainActions } from './plain-actions.js';

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The whole outline as words, as markup the outline's own styles draw: each
 * priority's heading, title, owner and aim, each objective's number and text,
 * and each action's plain words ({@link plainActions}, the same boxes the
 * outline draws before an action goes live). Kept on the device as the plan's
 * preview ({@link OutlinePreview}) and drawn on the next reload while the plan
 * loads. Built as elements with their text set as text and read back as
 * markup, so the plan's words are never markup.
 *
 * Priorities and objectives are marked `data-preview-priority` and
 * `data-preview-objective` (not the live items' `data-…-id`): their lists of
 * children stand in for items not drawn yet ({@link OutlineStandIns}).
 */
export function outlineWords(plan: Plan): string {
  const root = document.createElement('div');
  plan.childIds('priority', null).forEach((priorityId, i) => {
    const p = plan.readPriority(priorityId);
    if (!p) return;
    const section = root.appendChild(el('section', 'priority'));
    section.dataset.previewPriority = priorityId;
    section.appendChild(el('div', 'head')).appendChild(el('h2', '', `Priority ${i + 1}`));
    section.appendChild(el('div', 'plain-text title', p.title));
    // The priority's fields take the room their editors will, so little moves when the outline takes over.
    const fields = section.appendChild(el('div', 'fields'));
    for (const [label, words] of [
      ['Owner', p.owner],
      ['Aim', p.aim],
    ] as const) {
      const field = fields.appendChild(el('div', ''));
      field.appendChild(el('div', 'label', label));
      field.appendChild(el('div', 'plain-text field-words', words));
    }
    const lists = section.appendChild(el('div', 'fields lists'));
    for (const [label, items] of [
      ['What will success look like?', p.successStatements],
      ['Focus areas', p.focusAreas],
    ] as const) {
      const list = lists.appendChild(el('div', 'text-list'));
      list.appendChild(el('div', 'label', label));
      // Each statement a line where its box will be, and the room of the button that adds one.
      const box = list.appendChild(el('div', 'list-words', items.join('\n')));
      box.style.setProperty('--rows', String(items.length));
    }
    const objectives = section.appendChild(el('div', 'list'));
    objectives.dataset.list = 'objective';
    plan.childIds('objective', priorityId).forEach((objectiveId, j) => {
      const o = plan.readObjective(objectiveId);
      if (!o) return;
      const dotted = `${i + 1}.${j + 1}`;
      // Laid out only near the screen, as the outline's objectives are.
      const place = objectives.appendChild(el('div', 'objective-words'));
      const objective = place.appendChild(el('div', 'objective'));
      objective.dataset.previewObjective = objectiveId;
      objective.setAttribute('role', 'group');
      objective.setAttribute('aria-label', `Objective ${dotted}`);
      const head = objective.appendChild(el('div', 'head'));
      head.appendChild(el('span', 'number', `Objective ${dotted}`));
      head.appendChild(el('div', 'grow plain-text', o.text));
      const actions = objective.appendChild(el('div', 'list'));
      actions.dataset.list = 'action';
      const { nodes } = plainActions({ plan, objectiveId, prefix: dotted, stop: null, shown: null });
      // What only the live outline's keys use (roving focus among actions) stays out: the preview is a fifth smaller.
      for (const box of nodes) {
        box.removeAttribute('aria-description');
        delete box.dataset.objectiveId;
        delete box.dataset.index;
      }
      place.style.setProperty('--actions', String(nodes.length));
      place.style.setProperty('--chars', String(o.text.length));
      actions.append(...nodes);
    });
  });
  return root.innerHTML;
}
