import type { LinkRegistry } from './sharing/link-registry.js';
import type { Identity, OidcVerifier } from './sharing/oidc.js';
import { TokenRefused, verifyToken, type Grant, type Role } from './tokens.js';

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
export function tokenAccess(secret: string, links?: LinkRegistry, oidc?: OidcVerifier): Access {
  return {
    controlled: true,
    async authorize(planId, token) {
      if (token && oidc?.knows(token)) return signedInGrant(planId, await oidc.verify(token), links);
      const grant = await verifyToken(secret, token, planId);
      if (grant.linkId && (!links || (await links.isRevoked(planId, grant.linkId)))) throw new TokenRefused('this link has been taken back: ask the plan’s owner for a new one');
      return grant;
    },
  };
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** What a signed-in person may do in a plan: the best of what it is shared with them by name or by their domain. */
async function signedInGrant(planId: string, who: Identity, links?: LinkRegistry): Promise<Grant> {
  const domain = who.email.split('@')[1];
  const now = Date.now();
  const ways = (await (links?.list(planId) ?? Promise.resolve([])))
    .filter((l) => !l.revokedAt && (!l.expiresAt || Date.parse(l.expiresAt) > now) && (l.toEmail === who.email || (l.toDomain && l.toDomain === domain)))
    .sort((a, b) => RANK[b.role] - RANK[a.role] || Number(Boolean(b.toEmail)) - Number(Boolean(a.toEmail)));
  const way = ways[0];
  if (!way) throw new TokenRefused(`you are signed in as ${who.email}, but this plan is not shared with you: ask its owner`);
  const ends = Math.min(who.expiresAt, way.expiresAt ? Date.parse(way.expiresAt) : Infinity);
  return { planId, role: way.role, name: who.name, expiresAt: ends, linkId: way.id };
}

export { TokenRefused };
