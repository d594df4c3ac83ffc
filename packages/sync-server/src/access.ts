import type { LinkRegistry } from './sharing/link-registry.js';
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

/**
 * Signed tokens (`coplan-server token`, or share links): each opens one plan
 * as an owner, an editor or a viewer until it expires, or until its link is
 * revoked.
 */
export function tokenAccess(secret: string, links?: LinkRegistry): Access {
  return {
    controlled: true,
    async authorize(planId, token) {
      const grant = await verifyToken(secret, token, planId);
      if (grant.linkId && (!links || (await links.isRevoked(planId, grant.linkId)))) throw new TokenRefused('this link has been taken back: ask the plan’s owner for a new one');
      return grant;
    },
  };
}

export { TokenRefused };
