import { errors, jwtVerify, SignJWT } from 'jose';

/** What a person may do in a plan: an owner also shares it and takes links back. */
export type Role = 'owner' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

/** What a token lets its holder do in one plan. */
export interface Grant {
  planId: string;
  role: Role;
  name: string;
  /** When the access ends (ms since 1970); open connections are closed then. */
  expiresAt?: number;
  /** The share link the token belongs to, if it came from one: revoking the link ends it. */
  linkId?: string;
}

const ISSUER = 'coplan';
const key = (secret: string) => new TextEncoder().encode(secret);

/** Parses a duration such as `7d`, `12h`, `30m` or `45s` into seconds. */
export function parseTtl(ttl: string): number {
  const m = /^(\d+)\s*([smhd])$/.exec(ttl.trim());
  if (!m) throw new Error(`--ttl must be a number and a unit (s, m, h or d), such as 7d; got "${ttl}".`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

/**
 * Signs a token (a JWT, HS256) that opens one plan as an owner, an editor or
 * a viewer; `ttl` null makes one that lasts until its link is revoked.
 *
 * @example
 * ```ts
 * const token = await signToken('s3cret', { planId: 'demo', role: 'viewer', name: 'Board member' }, '7d');
 * ```
 */
export async function signToken(secret: string, grant: Grant, ttl: string | null = '7d', now = Date.now()): Promise<string> {
  const jwt = new SignJWT({ plan: grant.planId, role: grant.role, name: grant.name, ...(grant.linkId ? { lid: grant.linkId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setIssuedAt(Math.floor(now / 1000));
  if (ttl !== null) jwt.setExpirationTime(Math.floor(now / 1000) + parseTtl(ttl));
  return jwt.sign(key(secret));
}

/** Why a token was refused, in words for the log and the HTTP reply. */
export class TokenRefused extends Error {}

/** Checks a token's signature, expiry and plan; returns what it grants. */
export async function verifyToken(secret: string, token: string | null, planId: string): Promise<Grant> {
  if (!token) throw new TokenRefused('no token: add ?token=… to the address (make one with `coplan-server token`)');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, algorithms: ['HS256'] }));
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new TokenRefused('the token has expired: ask for a new one');
    throw new TokenRefused('the token is not valid for this server');
  }
  if (payload.plan !== planId) throw new TokenRefused('the token is for another plan');
  if (!ROLES.includes(payload.role as Role)) throw new TokenRefused('the token names no role');
  return {
    planId,
    role: payload.role as Role,
    name: typeof payload.name === 'string' ? payload.name : '',
    ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {}),
    ...(typeof payload.lid === 'string' ? { linkId: payload.lid } : {}),
  };
}
