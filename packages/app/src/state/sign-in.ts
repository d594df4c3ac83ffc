/**
 * Sign-in with the person's own organisation account (OpenID Connect,
 * authorization code with PKCE, as a public client in the browser). The
 * relay says which organisations it takes (`GET /api/sign-in`); the ID token
 * is kept on this device and opens the plans shared with the person by name
 * or by their organisation's domain. The relay verifies it; the app only
 * reads who it names, to say so.
 */

import { KEPT, type SignedIn } from './signed-in.js';

export { signedIn, signOut, type SignedIn } from './signed-in.js';

/** An organisation the relay takes sign-ins from. */
export interface SignInIssuer {
  issuer: string;
  name: string;
}

const PENDING = 'coplan-sign-in-pending';

/** The relay's sign-in settings, or null when it has none (or cannot be reached). */
export async function signInOptions(): Promise<{ clientId: string; issuers: SignInIssuer[] } | null> {
  try {
    const res = await fetch('/api/sign-in', { cache: 'no-store' });
    if (!res.ok) return null;
    const options = (await res.json()) as { clientId?: string; issuers?: SignInIssuer[] };
    // A relay without sign-in answers `{"issuers":[]}`.
    return options.clientId && options.issuers?.length ? { clientId: options.clientId, issuers: options.issuers } : null;
  } catch {
    return null;
  }
}

/** Sends the browser to the organisation's sign-in page; it comes back to this app, which calls `finishSignIn`. */
export async function startSignIn(issuer: string, clientId: string): Promise<void> {
  const config = await discover(issuer);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const nonce = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(PENDING, JSON.stringify({ issuer, clientId, verifier, state, nonce, tokenEndpoint: config.token_endpoint, returnTo: location.hash }));
  const url = new URL(config.authorization_endpoint);
  const params = { client_id: clientId, response_type: 'code', scope: 'openid email profile', redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state, nonce };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  location.assign(url.toString());
}

/**
 * Completes a sign-in when the organisation has sent the browser back here
 * with a code: exchanges it for the ID token, keeps it, and returns to where
 * the person was. Resolves null when there is nothing to finish; throws with
 * words when the sign-in failed.
 */
export async function finishSignIn(): Promise<SignedIn | null> {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { clientId: string; verifier: string; state: string; tokenEndpoint: string; returnTo: string } | null;
  if (!pending || (!query.has('code') && !query.has('error')) || query.get('state') !== pending.state) return null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending.returnTo}`);
  if (query.has('error')) throw new Error(`The sign-in did not finish: ${query.get('error_description') ?? query.get('error')}.`);
  const res = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: query.get('code')!, redirect_uri: redirectUri(), client_id: pending.clientId, code_verifier: pending.verifier }).toString(),
  });
  const body = (await res.json()) as { id_token?: string; error_description?: string; error?: string };
  if (!body.id_token) throw new Error(`The sign-in did not finish: ${body.error_description ?? body.error ?? res.status}.`);
  const claims = JSON.parse(atob(body.id_token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { email?: string; preferred_username?: string; name?: string; exp?: number };
  const email = (claims.email ?? claims.preferred_username ?? '').toLowerCase();
  const who: SignedIn = { idToken: body.id_token, email, name: claims.name ?? email, expiresAt: (claims.exp ?? 0) * 1000 };
  localStorage.setItem(KEPT, JSON.stringify(who));
  return who;
}

function redirectUri(): string {
  return `${location.origin}/`;
}

async function discover(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`${new URL(issuer).host} cannot be reached to sign in.`);
  return (await res.json()) as { authorization_endpoint: string; token_endpoint: string };
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
