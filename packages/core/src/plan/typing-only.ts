import * as Y from 'yjs';
import { HEADER_KEYS } from '../document/entity-record.js';

/** The stamps every edit writes beside its change. */
const STAMPS: ReadonlySet<string | null> = new Set([HEADER_KEYS.updatedAt, HEADER_KEYS.updatedBy]);

/**
 * Whether a transaction on a plan's document did nothing but type: it changed
 * the characters of text fields (this person's keystrokes, a partner's, or
 * their undo) and the who-and-when stamps, and nothing else: no item added,
 * moved, deleted, restored, and no other field set. A view whose text fields
 * follow their own `Y.Text` can let the rest of the plan catch up later.
 */
export function isTypingOnly(tr: Y.Transaction): boolean {
  let typed = false;
  for (const [type, keys] of tr.changed) {
    if (type instanceof Y.Text && type._item?.parent instanceof Y.Map) typed = true;
    else if (!(type instanceof Y.Map) || ![...keys].every((k) => STAMPS.has(k))) return false;
  }
  return typed;
}
