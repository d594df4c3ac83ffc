/** @coplan/sync-server: the relay that syncs and stores Coplan plans. */
export { startRelay, type Relay, type RelayOptions } from './relay.js';
export { DEFAULT_LIMITS, type RelayLimits } from './limits.js';
export { CLOSE, CLOSE_ADVICE, isPermanentClose } from './close-codes.js';
export { openAccess, tokenAccess, type Access } from './access.js';
export { signToken, verifyToken, parseTtl, TokenRefused, type Grant } from './tokens.js';
export { FileStore } from './store/file-store.js';
export { PostgresStore } from './store/postgres-store.js';
export type { PlanStore, StoredPlan, StoreHealth } from './store/plan-store.js';
export { planIdProblem } from './plan-id.js';
export { DEMO_PLAN_ID } from './demo-plan-id.js';
