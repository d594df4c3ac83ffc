import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CLOSE } from './close-codes.js';
import { Refused, type RelayLimits } from './limits.js';
import { valueDepth } from './update-guard.js';

/** Who owns which presence (awareness) client ids in one room. */
export interface PresenceOwners<Conn> {
  /** The connection that announced this client id first, while it stays connected. */
  ownerOf(clientId: number): Conn | undefined;
  /** Ids this connection owns. */
  idsOf(conn: Conn): Set<number>;
}

/**
 * Filters one awareness update from a connection down to the entries it may
 * make: states of client ids it owns, or new ids up to its allowance (which it
 * then owns, by announcing a state there: a removal of an id nobody owns is dropped). Entries for ids another connection owns are dropped without
 * complaint, because stock y-websocket clients echo everyone's presence back.
 * A state over the size or nesting limit, or that is not JSON, is refused.
 * Returns the update to apply (null when nothing is left) and the ids claimed,
 * plus the owners of ids that were contested (a stale owner may be probed).
 */
export function filterPresence<Conn>(update: Uint8Array, conn: Conn, owners: PresenceOwners<Conn>, limits: RelayLimits): { update: Uint8Array | null; claimed: number[]; contested: Conn[] } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const mine = owners.idsOf(conn);
  const kept: Array<{ id: number; clock: number; json: string }> = [];
  const claimed: number[] = [];
  const contested: Conn[] = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > limits.maxPresenceBytes) throw new Refused(CLOSE.updateRefused, `a presence state of ${json.length} bytes, over the limit of ${limits.maxPresenceBytes}`);
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw new Refused(CLOSE.malformed, 'a presence state that is not JSON');
    }
    if (valueDepth(state, limits.maxValueDepth) > limits.maxValueDepth) throw new Refused(CLOSE.updateRefused, `a presence state nested more than ${limits.maxValueDepth} deep`);
    const owner = owners.ownerOf(id);
    if (owner !== undefined && owner !== conn) {
      contested.push(owner);
      continue;
    }
    if (owner === undefined) {
      // An id nobody owns is claimed by announcing someone there, not by a removal: stock clients echo the
      // removal of a person who left (or whose old connection closed as their new one opened). Claimed so,
      // the id would be the echoer's, and the person's own next word for it dropped: gone from everyone's view.
      if (state === null) continue;
      if (mine.size + claimed.length >= limits.maxPresenceIdsPerConnection) continue;
      claimed.push(id);
    }
    kept.push({ id, clock, json });
  }
  if (kept.length === 0) return { update: null, claimed, contested };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { id, clock, json } of kept) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return { update: encoding.toUint8Array(encoder), claimed, contested };
}
