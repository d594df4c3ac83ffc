import * as Y from 'yjs';
import { CLOSE } from './close-codes.js';
import { Refused, type RelayLimits } from './limits.js';

/**
 * Checks a Yjs update against the relay's structural limits before it touches
 * a document: how many items it holds, whether it carries subdocuments, and
 * how deeply its JSON values nest. Throws `Refused` with the close code to use.
 * Nesting of shared types is checked after integration (see `tooDeepAfter`),
 * because an item's parent may already be in the document or arrive later.
 */
export function checkUpdate(update: Uint8Array, limits: RelayLimits): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (e) {
    throw new Refused(CLOSE.malformed, `an update that cannot be decoded (${e instanceof Error ? e.message : e})`);
  }
  if (decoded.structs.length > limits.maxItemsPerUpdate) throw new Refused(CLOSE.updateRefused, `an update of ${decoded.structs.length} items, over the limit of ${limits.maxItemsPerUpdate}`);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentDoc) throw new Refused(CLOSE.updateRefused, 'an update holding a subdocument, which plans never have');
    const values =
      content instanceof Y.ContentAny || content instanceof Y.ContentJSON
        ? content.arr
        : content instanceof Y.ContentEmbed
          ? [content.embed]
          : content instanceof Y.ContentFormat
            ? [content.value]
            : [];
    for (const value of values) {
      if (valueDepth(value, limits.maxValueDepth) > limits.maxValueDepth) throw new Refused(CLOSE.updateRefused, `an update holding a value nested more than ${limits.maxValueDepth} deep`);
    }
  }
}

/** How deeply a JSON-like value nests, counting up to `cap + 1` and no further (iteratively, so no value can overflow the stack). */
export function valueDepth(value: unknown, cap: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object' || v instanceof Uint8Array) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > cap) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Watches a document for items integrated deeper than the limit. Returns a
 * function that says whether any transaction since the last call did so
 * (and resets), and a function that stops watching.
 */
export function watchNesting(doc: Y.Doc, maxDepth: number): { tooDeep(): boolean; stop(): void } {
  let seen = false;
  const onTransaction = (tr: Y.Transaction) => {
    if (seen) return;
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = tr.doc.store.clients.get(client);
      if (!structs) continue;
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const struct = structs[i];
        if (struct instanceof Y.Item && nestingOf(struct, maxDepth) > maxDepth) {
          seen = true;
          return;
        }
      }
    }
  };
  doc.on('afterTransaction', onTransaction);
  return {
    tooDeep() {
      const was = seen;
      seen = false;
      return was;
    },
    stop: () => doc.off('afterTransaction', onTransaction),
  };
}

/** How many shared types an item sits inside (1 for a root type's child), counting up to `cap + 1`. */
function nestingOf(item: Y.Item, cap: number): number {
  let depth = 0;
  let type = item.parent as Y.AbstractType<unknown> | null;
  while (type && depth <= cap) {
    depth++;
    type = type._item ? (type._item.parent as Y.AbstractType<unknown> | null) : null;
  }
  return depth;
}
