import type { Role } from '../tokens.js';

/**
 * A way into a plan, made by an owner, that can be taken back: a link (a
 * token for one plan and role), or, with sign-in, a named person (`toEmail`)
 * or everyone at an e-mail domain (`toDomain`).
 */
export interface ShareLink {
  id: string;
  planId: string;
  role: Role;
  label: string;
  /** Given to this signed-in person only (lower case). */
  toEmail?: string | null;
  /** Given to everyone signed in with an address at this domain. */
  toDomain?: string | null;
  /** The address that opens the plan with this access (it holds the token). */
  url: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** How many connections have been opened with it, and the last one. */
  uses: number;
  lastUsedAt: string | null;
}

/** One connection opened to a plan: who, with which link, as what. */
export interface AccessEntry {
  at: string;
  planId: string;
  linkId: string | null;
  name: string;
  role: Role;
}

/**
 * Where a relay keeps share links and the access log. Revocations must be
 * seen by every relay serving the plan: `onRevoked` reports those made
 * anywhere (this relay's included).
 */
export interface LinkRegistry {
  create(link: Omit<ShareLink, 'uses' | 'lastUsedAt' | 'revokedAt'>): Promise<void>;
  list(planId: string): Promise<ShareLink[]>;
  /** Resolves false when the plan has no such link. */
  revoke(planId: string, linkId: string, at: string): Promise<boolean>;
  isRevoked(planId: string, linkId: string): Promise<boolean>;
  recordAccess(entry: AccessEntry): Promise<void>;
  /** The newest entries first. */
  accessLog(planId: string, limit: number): Promise<AccessEntry[]>;
  onRevoked(listener: (planId: string, linkId: string) => void): () => void;
  close(): Promise<void>;
}

/** Adds each link's use count and last use from the access log. */
export function withUses(links: Array<Omit<ShareLink, 'uses' | 'lastUsedAt'>>, log: AccessEntry[]): ShareLink[] {
  return links.map((link) => {
    const uses = log.filter((e) => e.linkId === link.id);
    return { ...link, uses: uses.length, lastUsedAt: uses.reduce<string | null>((last, e) => (last === null || e.at > last ? e.at : last), null) };
  });
}
