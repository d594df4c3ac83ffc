/** @coplan/sync-server: the relay that syncs and stores Coplan plans. */
export { startRelay, type Relay, type RelayOptions } from './relay.js';
export { signToken, verifyToken, parseTtl, type Grant } from './tokens.js';
export { FileStore } from './file-store.js';
export { DEMO_PLAN_ID } from './demo-plan.js';
