import * as Y from 'yjs';

/** The origin of the transactions that settle pending updates, so a listener can tell them from edits. */
export const SETTLE_ORIGIN = { coplan: 'settle pending' };

/**
 * Integrates updates a document holds as pending when everything they wait
 * for is already among them. Yjs 13.6 keeps an update that arrived before
 * its dependencies as pending, and retries it only when a later update brings
 * a dependency from outside; when the pending structs of two clients wait on
 * each other (client A's next struct needs B's, B's needs A's), nothing from
 * outside ever comes and the document stays behind for good, though applying
 * the same pending update again, whole, integrates it. (Found by the
 * convergence fuzz test, seed 1886202649: a replica that received every
 * update stayed behind.) Returns whether anything was integrated.
 */
export function settlePending(doc: Y.Doc): boolean {
  const { pendingStructs, pendingDs } = doc.store;
  if (!pendingStructs && !pendingDs) return false;
  const before = Y.encodeStateVector(doc);
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  // Whatever still lacks a dependency goes back to pending, as before.
  if (pendingStructs) Y.applyUpdateV2(doc, pendingStructs.update, SETTLE_ORIGIN);
  if (pendingDs) Y.applyUpdateV2(doc, pendingDs, SETTLE_ORIGIN);
  const after = Y.encodeStateVector(doc);
  return before.length !== after.length || before.some((b, i) => b !== after[i]);
}

/**
 * Settles pending updates after every transaction that brought updates from
 * elsewhere (see {@link settlePending}); returns a function that stops.
 *
 * @example
 * ```ts
 * const stop = keepPendingSettled(doc); // a relay's or a client's document
 * ```
 */
export function keepPendingSettled(doc: Y.Doc): () => void {
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.local || tr.origin === SETTLE_ORIGIN || (!doc.store.pendingStructs && !doc.store.pendingDs)) return;
    settlePending(doc);
  };
  doc.on('afterTransactionCleanup', onTransaction);
  return () => doc.off('afterTransactionCleanup', onTransaction);
}
