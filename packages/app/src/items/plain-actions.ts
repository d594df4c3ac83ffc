import { ACTION_STATUS_LABELS, formatUkDate, namesShownIn, type ActionSnapshot, type EntityKind, type Plan } from '@coplan/core';
import { ragWordsElement } from '../components/rag-badge.js';
import { listKeys } from './list-focus.js';

/** What an objective drawing its actions as plain words needs to say about them. */
export interface PlainActions {
  plan: Plan;
  objectiveId: string;
  /** The objective's number ("1.2"): its actions are "1.2.1", "1.2.2"… */
  prefix: string;
  /** The action holding the list's tab stop, if the objective holds its own. */
  stop: string | null;
  /** The actions a filter keeps, if one is on. */
  shown: ReadonlySet<string> | null | undefined;
}

/**
 * An objective's actions as plain words: the same words, RAG in words, leads,
 * timescale and latest progress as an action item shows, in the same boxes
 * (the page's find, screen readers and printing see them), built as plain
 * elements with their text set as text (never parsed as HTML), read from the
 * plan in one pass ({@link Plan.readActions}): no component, template parts,
 * context request or subscription per action. Used until the objective's
 * actions go live (see {@link LiveUpgrades}); also returns the entities the
 * words come from, for the objective to follow their changes.
 */
export function plainActions(p: PlainActions): { nodes: HTMLElement[]; follows: Array<{ kind: EntityKind; id: string }> } {
  const follows: Array<{ kind: EntityKind; id: string }> = [];
  const nodes: HTMLElement[] = [];
  for (const a of p.plan.readActions(p.objectiveId)) {
    follows.push({ kind: 'action', id: a.id });
    if (p.shown && !p.shown.has(a.id)) continue;
    follows.push(...namesShownIn(a));
    nodes.push(plainAction(a, `${p.prefix}.${a.number}`, a.id === p.stop));
  }
  return { nodes, follows };
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One action's box without its words: cloned for each action (one native call, not a dozen). Fixed markup, no words of the plan. */
let actionBox: HTMLElement | null = null;
function emptyActionBox(): HTMLElement {
  if (!actionBox) {
    actionBox = el('div', 'action plain');
    actionBox.setAttribute('role', 'group');
    actionBox.setAttribute('aria-description', listKeys('actions'));
    const head = actionBox.appendChild(el('div', 'head'));
    head.appendChild(el('span', 'number')).setAttribute('aria-hidden', 'true');
    head.appendChild(el('div', 'grow plain-text')).dataset.text = '';
    head.appendChild(el('span', 'plain-rag'));
    head.appendChild(el('span', 'print-only'));
    const facts = actionBox.appendChild(el('div', 'facts'));
    facts.appendChild(el('span', ''));
    const timescale = facts.appendChild(el('span', 'timescale'));
    timescale.appendChild(el('span', 'label', 'Timescale'));
    timescale.appendChild(el('span', 'plain-text'));
  }
  return actionBox.cloneNode(true) as HTMLElement;
}

/** One action's box, as {@link ActionItem} draws it with its editors, in words. */
function plainAction(a: ActionSnapshot, dotted: string, tabStop: boolean): HTMLElement {
  const box = emptyActionBox();
  box.setAttribute('aria-label', `Action ${dotted}`);
  box.tabIndex = tabStop ? 0 : -1;
  box.dataset.actionId = a.id;
  box.dataset.objectiveId = a.objectiveId;
  box.dataset.index = String(a.number - 1);
  const [number, text, rag, status] = box.firstElementChild!.children as unknown as HTMLElement[];
  number!.textContent = dotted;
  text!.textContent = a.text;
  rag!.appendChild(ragWordsElement(a.rag));
  status!.textContent = `Status: ${ACTION_STATUS_LABELS[a.status]}`;
  const facts = box.lastElementChild as HTMLElement;
  (facts.firstElementChild as HTMLElement).textContent = `Leads: ${a.leads.map((l) => l.name).join(', ') || 'none yet'}`;
  (facts.lastElementChild!.lastElementChild as HTMLElement).textContent = a.timescale.text;
  if (a.timescale.due?.end) facts.appendChild(el('span', '', `Due by ${formatUkDate(a.timescale.due.end)}`));
  if (a.timescale.unparsed.length) facts.appendChild(el('span', '', `Not read as a date: ${a.timescale.unparsed.join('; ')}`));
  const latest = a.updates[a.updates.length - 1];
  if (latest) box.appendChild(el('p', 'latest', `Latest progress (${formatUkDate(latest.date)}, ${latest.author}): ${latest.narrative}`));
  return box;
}
