import type { EntityKind, Plan } from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';
import { capitalise } from '../components/words.js';

/** What the bin notice says: its words, and the item its Undo would bring back (or, for a change that is not a delete, how Undo puts it back). */
export interface BinNews {
  words: string;
  undo?: { kind: EntityKind; id: string; name: string };
  /** The button that brings `undo` back, when not "Undo" (as after an undo that kept a partner's work: "Restore"). */
  button?: string;
  /** Undo for a change that sent nothing to the bin (a lead taken off an action): puts it back; the core's refusal, in its words, or ''. */
  putBack?: { name: string; run: () => string };
}

/** Tells the bin notice (`<bin-notice>`, beside the outline in the plan view) what just went to or came back from the bin. */
export function tellBinNews(from: EventTarget, news: BinNews): void {
  from.dispatchEvent(new CustomEvent<BinNews>('bin-news', { detail: news, bubbles: true, composed: true }));
}

/** This person deleted an item from its menu: "Action 1.1.1 moved to the bin.", with Undo. */
export function tellBinned(from: EventTarget, kind: EntityKind, id: string, name: string): void {
  tellBinNews(from, { words: `${capitalise(name)} moved to the bin.`, undo: { kind, id, name } });
}

/** What finds a restored item on screen and puts the caret in its text (the outline): the item as people say it, or null when it is not shown. */
interface FocusesEntities {
  focusEntity(kind: EntityKind, id: string): Promise<string | null>;
}

/**
 * Brings an item back from the bin (the core's restore), puts focus in its
 * text where the outline shows it, and says so. `name` is the item as the
 * person knew it ("action 1.1.1", or its words from the bin). Resolves to
 * whether focus went to the item; false also when the core refused (its
 * words shown as the plan's error).
 */
export async function restoreFromBin(from: HTMLElement, plan: Plan, kind: EntityKind, id: string, name: string): Promise<boolean> {
  const refused = tryPlanCall(() => plan.restore(kind, id));
  from.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
  if (refused) return false;
  const outline = (from.getRootNode() as ParentNode).querySelector('plan-outline') as (Element & FocusesEntities) | null;
  const now = (await outline?.focusEntity(kind, id)) ?? null;
  tellBinNews(from, { words: now && now !== name ? `${capitalise(name)} is back in the plan, as ${now}.` : `${capitalise(name)} is back in the plan.` });
  return now !== null;
}
