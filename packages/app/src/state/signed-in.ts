/**
 * Who is signed in on this device, read from local storage: all the first
 * screen needs of sign-in (the rest, in `sign-in.ts`, loads when used).
 */

/** Who is signed in on this device. */
export interface SignedIn {
  idToken: string;
  email: string;
  name: string;
  /** ms since 1970 */
  expiresAt: number;
}

/** Where the ID token is kept on this device. */
export const KEPT = 'coplan-sign-in';

/** Who is signed in on this device, if their sign-in has not expired. */
export function signedIn(): SignedIn | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEPT) ?? 'null') as SignedIn | null;
    return kept && kept.expiresAt > Date.now() ? kept : null;
  } catch {
    return null;
  }
}

/** Forgets the sign-in on this device. */
export function signOut(): void {
  localStorage.removeItem(KEPT);
}
