import { TokenRefused, verifyToken, type Grant } from './tokens.js';

/**
 * Who may open a plan, and as what. The relay asks before a WebSocket opens,
 * and closes the connection when the grant's `expiresAt` passes.
 */
export interface Access {
  /** What the holder of `token` may do in `planId`; throws `TokenRefused` with words for the 401 reply. */
  authorize(planId: string, token: string | null): Promise<Grant>;
  /** False when anyone who can reach the relay may edit every plan. */
  readonly controlled: boolean;
}

/** Everyone may edit every plan: for a relay on a laptop, on loopback. */
export const openAccess: Access = {
  controlled: false,
  authorize: async (planId) => ({ planId, role: 'editor', name: '' }),
};

/** Signed tokens (`coplan-server token`): each opens one plan as an editor or a viewer until it expires. */
export function tokenAccess(secret: string): Access {
  return { controlled: true, authorize: (planId, token) => verifyToken(secret, token, planId) };
}

export { TokenRefused };
