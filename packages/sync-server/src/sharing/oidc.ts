import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { TokenRefused } from '../tokens.js';

/** Sign-in with the partners' own accounts (Entra ID tenants, or any OpenID provider). */
export interface OidcConfig {
  /** The issuers whose ID tokens are taken, e.g. `https://login.microsoftonline.com/<tenant>/v2.0`. */
  issuers: string[];
  /** What the app calls each issuer on its sign-in button ("Lincolnshire Police"); by default its host. */
  names?: Record<string, string>;
  /** The client (application) id the ID tokens must be for. */
  clientId: string;
  /** Tenants (`tid`, or the issuer where there is none) allowed in; empty allows every listed issuer's. */
  allowedTenants: string[];
  /** E-mail domains allowed in; empty allows any. */
  allowedDomains: string[];
}

/** Who signed in. */
export interface Identity {
  email: string;
  name: string;
  tenant: string;
  /** When the ID token expires (ms since 1970). */
  expiresAt: number;
}

/**
 * Verifies ID tokens against each issuer's published keys (fetched from its
 * discovery document and cached by jose's remote key set), for several
 * tenants at once, and says in words why one is refused.
 */
export class OidcVerifier {
  private readonly keySets = new Map<string, Promise<JWTVerifyGetKey>>();

  constructor(private readonly config: OidcConfig) {}

  /** Whether a token claims to come from one of the configured issuers (it is not verified by this). */
  knows(token: string): boolean {
    try {
      const { iss } = decodeJwt(token);
      return typeof iss === 'string' && this.config.issuers.includes(iss);
    } catch {
      return false;
    }
  }

  async verify(token: string): Promise<Identity> {
    const { iss } = decodeJwt(token);
    if (typeof iss !== 'string' || !this.config.issuers.includes(iss)) throw new TokenRefused('the sign-in is from an organisation this server does not know');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(iss), { issuer: iss, audience: this.config.clientId }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new TokenRefused('your sign-in has expired: sign in again');
      if (e instanceof errors.JWTClaimValidationFailed && e.claim === 'aud') throw new TokenRefused('the sign-in was for another application');
      throw new TokenRefused('the sign-in could not be verified');
    }
    const tenant = typeof payload.tid === 'string' ? payload.tid : iss;
    if (this.config.allowedTenants.length && !this.config.allowedTenants.includes(tenant)) throw new TokenRefused('your organisation is not allowed on this server: ask its administrator');
    const email = String(payload.email ?? payload.preferred_username ?? '').toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new TokenRefused('the sign-in names no e-mail address');
    if (this.config.allowedDomains.length && !this.config.allowedDomains.includes(email.split('@')[1]!)) throw new TokenRefused(`accounts at ${email.split('@')[1]} are not allowed on this server`);
    return { email, name: typeof payload.name === 'string' && payload.name ? payload.name : email, tenant, expiresAt: (payload.exp ?? 0) * 1000 };
  }

  private keySet(issuer: string): Promise<JWTVerifyGetKey> {
    let keys = this.keySets.get(issuer);
    if (!keys) {
      keys = (async () => {
        const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
        if (!res.ok) throw new Error(`${issuer} answered ${res.status} for its discovery document`);
        const { jwks_uri } = (await res.json()) as { jwks_uri?: string };
        if (!jwks_uri) throw new Error(`${issuer} publishes no jwks_uri`);
        return createRemoteJWKSet(new URL(jwks_uri));
      })();
      keys.catch(() => this.keySets.delete(issuer)); // try again next time
      this.keySets.set(issuer, keys);
    }
    return keys;
  }
}
