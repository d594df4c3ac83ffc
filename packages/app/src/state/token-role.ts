/**
 * What a share link's token says this person may do. The relay checks the
 * signature and enforces it; the app only reads the role to show the right
 * controls, so there is nothing to verify here.
 */
export function roleOfToken(token: string): 'owner' | 'editor' | 'viewer' {
  const role = payloadOf(token)?.role;
  return role === 'viewer' || role === 'owner' ? role : 'editor';
}

/** Whether the token says its role itself (a Coplan link does; a sign-in's ID token does not, and the relay is asked). */
export function tokenNamesRole(token: string): boolean {
  return typeof payloadOf(token)?.role === 'string';
}

/** The plan a token opens, so that an address of the form `/?token=…` can find its plan. */
export function planOfToken(token: string): string | null {
  const plan = payloadOf(token)?.plan;
  return typeof plan === 'string' && plan ? plan : null;
}

function payloadOf(token: string): { role?: unknown; plan?: unknown } | null {
  try {
    return JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: unknown; plan?: unknown };
  } catch {
    return null;
  }
}
