/**
 * The relay's limits on what one connection may send. Each has a flag on
 * `coplan-server` and a field of `startRelay`'s options; the defaults leave
 * a real plan far inside them (the Lancashire demo plan is 44 kB, 1,423
 * items and 4 levels deep as one update).
 */
export interface RelayLimits {
  /** The largest message accepted, in bytes. */
  maxMessageBytes: number;
  /** Messages a connection may send per second, sustained (bursts to twice that). */
  messagesPerSecond: number;
  /** Connections one plan may have at once. */
  maxConnectionsPerRoom: number;
  /** Items (structs) one update may hold. */
  maxItemsPerUpdate: number;
  /** How deeply shared types may nest in a plan, counting from its root types. */
  maxNestingDepth: number;
  /** How deeply a JSON value inside a plan or a presence state may nest. */
  maxValueDepth: number;
  /** The largest presence (awareness) state of one client, in bytes of JSON. */
  maxPresenceBytes: number;
  /** Presence client ids one connection may own (a stock client owns one). */
  maxPresenceIdsPerConnection: number;
  /** Bytes waiting to be sent to one connection before it is closed as too slow. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxMessageBytes: 16 * 1024 * 1024,
  messagesPerSecond: 200,
  maxConnectionsPerRoom: 200,
  maxItemsPerUpdate: 500_000,
  maxNestingDepth: 32,
  maxValueDepth: 32,
  maxPresenceBytes: 16 * 1024,
  maxPresenceIdsPerConnection: 8,
  maxBufferedBytes: 8 * 1024 * 1024,
};

/** Why an input was refused: the close code and words for the log. */
export class Refused extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
