import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withUses, type AccessEntry, type LinkRegistry, type ShareLink } from './link-registry.js';

type StoredLink = Omit<ShareLink, 'uses' | 'lastUsedAt'>;

/**
 * Share links and the access log beside a file store's plans, under
 * `<dataDir>/~sharing/<hash of the plan id>/`: `links.json` (written whole, to
 * a temporary file renamed over it) and `access.jsonl` (appended). For one
 * relay: revocations reach only this process.
 */
export class FileLinkRegistry implements LinkRegistry {
  private readonly listeners = new Set<(planId: string, linkId: string) => void>();
  private lane: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  async create(link: Omit<StoredLink, 'revokedAt'>): Promise<void> {
    await this.edit(link.planId, (links) => [...links, { ...link, revokedAt: null }]);
  }

  async list(planId: string): Promise<ShareLink[]> {
    return withUses(await this.read(planId), await this.accessLog(planId, Number.MAX_SAFE_INTEGER));
  }

  async revoke(planId: string, linkId: string, at: string): Promise<boolean> {
    let found = false;
    await this.edit(planId, (links) =>
      links.map((l) => {
        if (l.id !== linkId) return l;
        found = true;
        return { ...l, revokedAt: l.revokedAt ?? at };
      }),
    );
    if (found) for (const listener of this.listeners) listener(planId, linkId);
    return found;
  }

  async isRevoked(planId: string, linkId: string): Promise<boolean> {
    const link = (await this.read(planId)).find((l) => l.id === linkId);
    return !link || link.revokedAt !== null; // a link this relay never made is not one it honours
  }

  async recordAccess(entry: AccessEntry): Promise<void> {
    const dir = await this.dirOf(entry.planId);
    await appendFile(join(dir, 'access.jsonl'), JSON.stringify(entry) + '\n');
  }

  async accessLog(planId: string, limit: number): Promise<AccessEntry[]> {
    const text = await readFile(join(this.pathOf(planId), 'access.jsonl'), 'utf8').catch(() => '');
    const entries = text.split('\n').flatMap((line) => {
      try {
        return line ? [JSON.parse(line) as AccessEntry] : [];
      } catch {
        return []; // a line cut short by a crash
      }
    });
    return entries.reverse().slice(0, limit);
  }

  onRevoked(listener: (planId: string, linkId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.lane;
  }

  private pathOf(planId: string): string {
    return join(this.dataDir, '~sharing', createHash('sha256').update(planId).digest('hex'));
  }

  private async dirOf(planId: string): Promise<string> {
    const dir = this.pathOf(planId);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  private async read(planId: string): Promise<StoredLink[]> {
    const text = await readFile(join(this.pathOf(planId), 'links.json'), 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '[]' : Promise.reject(e)));
    return JSON.parse(text) as StoredLink[];
  }

  /** Changes a plan's links one edit at a time, writing the file whole and renaming it into place. */
  private edit(planId: string, change: (links: StoredLink[]) => StoredLink[]): Promise<void> {
    const next = this.lane.then(async () => {
      const dir = await this.dirOf(planId);
      const links = change(await this.read(planId));
      await writeFile(join(dir, 'links.json.tmp'), JSON.stringify(links, null, 2));
      await rename(join(dir, 'links.json.tmp'), join(dir, 'links.json'));
    });
    this.lane = next.catch(() => undefined);
    return next;
  }
}
