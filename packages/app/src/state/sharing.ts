import type { ShareLink } from '@coplan/sync-server/sharing';

export type { ShareLink };

/** What a token allows, as the relay says. */
export interface AccessInfo {
  role: 'owner' | 'editor' | 'viewer';
  name: string;
  expiresAt: string | null;
}

/** A refusal from the relay, with its words. */
export class SharingRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The relay's sharing API (packages/sync-server/README.md), for one plan and
 * the token this person opened it with. Every call either resolves or throws
 * `SharingRefused` with the relay's own explanation.
 */
export class SharingClient {
  constructor(
    private readonly planId: string,
    private readonly token: string,
  ) {}

  /** What this person's token lets them do, or why it is refused (expired, taken back). */
  access(): Promise<AccessInfo> {
    return this.call('GET', 'access');
  }

  /** Who opened the plan, newest first: when, who, as what, and by which link or share. */
  async accessLog(): Promise<Array<{ at: string; linkId: string | null; name: string; role: 'owner' | 'editor' | 'viewer' }>> {
    return (await this.call<{ entries: Array<{ at: string; linkId: string | null; name: string; role: 'owner' | 'editor' | 'viewer' }> }>('GET', 'access-log')).entries;
  }

  async links(): Promise<ShareLink[]> {
    return (await this.call<{ links: ShareLink[] }>('GET', 'links')).links;
  }

  create(role: 'editor' | 'viewer', label: string, expiresIn: string | null): Promise<{ id: string; url: string }> {
    return this.call('POST', 'links', { role, label, ...(expiresIn ? { expiresIn } : {}) });
  }

  /** Shares with a person (an e-mail address) or everyone at a domain, who open the plan by signing in. */
  shareWith(who: string, role: 'owner' | 'editor' | 'viewer'): Promise<{ id: string; url: string }> {
    const target = who.trim().toLowerCase();
    return this.call('POST', 'links', { role, ...(target.includes('@') && !target.startsWith('@') ? { email: target } : { domain: target.replace(/^@/, '') }) });
  }

  /** Puts a plan made on this device onto the relay, with the signed-in person as its owner. */
  claim(): Promise<{ planId: string; role: 'owner'; email: string }> {
    return this.call('POST', 'claim');
  }

  revoke(id: string): Promise<void> {
    return this.call('DELETE', `links/${encodeURIComponent(id)}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`/api/plans/${encodeURIComponent(this.planId)}/${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        cache: 'no-store',
      });
    } catch {
      throw new SharingRefused(0, 'The server cannot be reached: sharing needs a connection. Your plan is safe on this device.');
    }
    const text = await res.text();
    const json = text ? (JSON.parse(text) as { error?: string }) : {};
    if (!res.ok) throw new SharingRefused(res.status, json.error ?? `The server answered ${res.status}.`);
    return json as T;
  }
}
