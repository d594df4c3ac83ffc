/**
 * What a share link's token says this person may do. The relay checks the
 * signature and enforces it; the app only reads the role to show the right
 * controls, so there is nothing to verify here.
 */
export function roleOfToken(token: string): 'editor' | 'viewer' {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: string };
    return payload.role === 'viewer' ? 'viewer' : 'editor';
  } catch {
    return 'editor';
  }
}
