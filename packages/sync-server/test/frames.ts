import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A y-websocket sync message carrying one update, as a client sends it. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update (the payload of an awareness message) setting the given client ids' states. */
export function presenceUpdate(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** A y-websocket awareness message setting the given client ids' states. */
export function presenceFrame(entries: Parameters<typeof presenceUpdate>[0]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, presenceUpdate(entries));
  return encoding.toUint8Array(encoder);
}

/** Maps nested `depth` deep under the root map `t-map`, built in `parts` transactions (one update each). */
export function nestedMaps(depth: number, parts = 1): Uint8Array[] {
  const doc = new Y.Doc({ gc: false });
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  let current = doc.getMap<unknown>('t-map');
  const perPart = Math.ceil(depth / parts);
  for (let built = 0; built < depth; ) {
    doc.transact(() => {
      for (let i = 0; i < perPart && built < depth; i++, built++) {
        const next = new Y.Map<unknown>();
        current.set('k', next);
        current = next;
      }
    });
  }
  return updates;
}

/**
 * The two updates that bricked a plan: maps nested `depth` deep under a root
 * map, then the deletion of the outermost one (whose recursive delete and
 * garbage collection overflow the stack part-way).
 */
export function nestedMapsThenDelete(depth: number): [Uint8Array, Uint8Array] {
  const [nest] = nestedMaps(depth);
  // The deletion written out by hand (a Yjs v1 update with no structs and one delete range), as an attacker
  // would: deleting it in a document here would overflow this process's stack too.
  const outermost = Y.decodeUpdate(nest!).structs[0]!.id;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // no structs
  encoding.writeVarUint(encoder, 1); // one client in the delete set
  encoding.writeVarUint(encoder, outermost.client);
  encoding.writeVarUint(encoder, 1); // one range
  encoding.writeVarUint(encoder, outermost.clock);
  encoding.writeVarUint(encoder, 1);
  return [nest!, encoding.toUint8Array(encoder)];
}
