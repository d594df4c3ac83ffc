/**
 * The WebSocket close codes the relay sends, and what a client should do on
 * each. Stock y-websocket clients (v3) stop reconnecting on 4400–4499 and
 * reconnect with back-off on every other code, so a code is in that range only
 * when reconnecting as before cannot help. No Node built-ins here: the app
 * imports this file to tell people what happened.
 */
export const CLOSE = {
  /** The relay is stopping or restarting: reconnect (stock clients do, with back-off). */
  shuttingDown: 1001,
  /** The plan had to be unloaded (its store failed): reconnect, and it loads afresh. */
  reloadPlan: 1013,
  /** A frame that is not a y-websocket message. Permanent: the client is broken. */
  malformed: 4400,
  /** The token expired while connected. Permanent until the person gets a fresh link. */
  accessExpired: 4401,
  /** The share link this connection was opened with was taken back. Permanent: the link no longer works. */
  accessRevoked: 4403,
  /** An update over the relay's structural limits (size, items, nesting). Permanent: the same update would be sent again. */
  updateRefused: 4413,
  /** The connection fell too far behind reading what it was sent. Transient: reconnect and sync afresh. */
  tooSlow: 4508,
  /** More messages a second than the limit. Transient: reconnect after a back-off. */
  tooManyMessages: 4529,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** Whether a stock y-websocket client gives up for good on this code (it does on 4400–4499). */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** What each code means to the person using the app, and what they can do. */
export const CLOSE_ADVICE: Record<number, string> = {
  [CLOSE.shuttingDown]: 'The server is restarting. Coplan reconnects by itself; your changes are kept on this device meanwhile.',
  [CLOSE.reloadPlan]: 'The server had to reload this plan. Coplan reconnects by itself; your changes are kept on this device meanwhile.',
  [CLOSE.malformed]: 'The server could not read a message from this device. Your changes are kept on this device: save a copy (Files → Save a .coplan file) and reload the page.',
  [CLOSE.accessExpired]: 'Your access to this plan has expired. Your changes are kept on this device: ask the plan’s owner for a new link, and save a copy (Files → Save a .coplan file) meanwhile.',
  [CLOSE.accessRevoked]:
    'The link you opened this plan with has been taken back by its owner. Your changes are kept on this device: save a copy (Files → Save a .coplan file) and ask the owner if you still need access.',
  [CLOSE.updateRefused]:
    'The server refused a change from this device as too large or too deeply nested. Your changes are kept on this device: save a copy (Files → Save a .coplan file) and tell whoever runs your Coplan server.',
  [CLOSE.tooSlow]: 'The connection was too slow to keep up. Coplan reconnects by itself.',
  [CLOSE.tooManyMessages]: 'This device sent changes faster than the server takes them. Coplan reconnects by itself in a moment; nothing is lost.',
};
