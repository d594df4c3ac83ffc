import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor, type RelayProcess } from './relay-process.js';
import { client, closeOf, raw, relay, text, token } from './per-test.js';
import { usePostgres } from './use-postgres.js';

const SECRET = 'a-long-test-secret';

/** Calls the sharing API as another council tool would. */
async function api(r: RelayProcess, method: string, path: string, bearer: string | null, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${r.url}/api/plans/${path}`, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const textBody = await res.text();
  return { status: res.status, json: textBody ? JSON.parse(textBody) : null };
}

const tokenOf = (url: string) => new URL(url.replace('#/', '')).searchParams.get('token')!;
const metric = async (r: RelayProcess, name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(r.url + '/metrics')).text())![1]);

describe('sharing links', () => {
  it('lets only an owner make, list and take back links and read the access log: 401 without a token, 403 for other roles', async () => {
    const r = await relay(['--secret', SECRET]);
    const owner = token(SECRET, 'plan', 'owner');
    const made = await api(r, 'POST', 'plan/links', owner, { role: 'editor', label: 'Workshop', expiresIn: '30d' });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ role: 'editor', label: 'Workshop' });
    expect(made.json.url).toMatch(new RegExp(`^${r.url}/#/plan/plan\\?token=`));
    expect(Date.parse(made.json.expiresAt) - Date.now()).toBeGreaterThan(29 * 86400_000);
    const cases: Array<[string, string, string, unknown]> = [
      ['POST', 'plan/links', '', { role: 'viewer' }],
      ['GET', 'plan/links', '', undefined],
      ['DELETE', `plan/links/${made.json.id}`, '', undefined],
      ['GET', 'plan/access-log', '', undefined],
    ];
    const others = { editor: token(SECRET, 'plan', 'editor'), viewer: token(SECRET, 'plan', 'viewer'), otherOwner: token(SECRET, 'other', 'owner') };
    for (const [method, path, , body] of cases) {
      expect([method, path, (await api(r, method, path, null, body)).status]).toEqual([method, path, 401]);
      expect([method, path, (await api(r, method, path, 'not-a-token', body)).status]).toEqual([method, path, 401]);
      for (const role of ['editor', 'viewer'] as const) {
        const res = await api(r, method, path, others[role], body);
        expect([method, path, role, res.status]).toEqual([method, path, role, 403]);
        expect(res.json.error).toMatch(/Only the plan's owners can share it/);
      }
      // An owner of another plan is not an owner of this one.
      expect((await api(r, method, path, others.otherOwner, body)).status).toBe(401);
    }
    const listed = await api(r, 'GET', 'plan/links', owner);
    expect(listed.status).toBe(200);
    expect(listed.json.links).toHaveLength(1);
    expect(listed.json.links[0]).toMatchObject({ id: made.json.id, role: 'editor', label: 'Workshop', revokedAt: null, uses: 0 });
    expect((await api(r, 'DELETE', `plan/links/${made.json.id}`, owner)).status).toBe(204);
    expect((await api(r, 'DELETE', 'plan/links/no-such-link', owner)).status).toBe(404);
    expect((await api(r, 'GET', 'plan/access-log', owner)).json.entries).toEqual([]);
  });

  it('refuses bad requests with what was wrong', async () => {
    const r = await relay(['--secret', SECRET]);
    const owner = token(SECRET, 'plan', 'owner');
    expect((await api(r, 'POST', 'plan/links', owner, { role: 'owner' })).json.error).toMatch(/role must be "editor" or "viewer"/);
    expect((await api(r, 'POST', 'plan/links', owner, { role: 'viewer', expiresIn: 'soon' })).json.error).toMatch(/expiresIn must be a number and a unit/);
    expect((await api(r, 'POST', 'plan/links', owner, '{not json')).status).toBe(400);
    expect((await api(r, 'POST', 'plan/links', owner, { role: 'viewer', label: 'x'.repeat(201) })).status).toBe(400);
    expect((await api(r, 'PUT', 'plan/links', owner, {})).status).toBe(405);
    expect((await api(r, 'GET', 'plan/other', owner)).status).toBe(404);
    const open = await relay();
    expect((await api(open, 'GET', 'plan/links', owner)).json.error).toMatch(/needs the relay to run with --secret/);
  });

  it('closes every open connection made with a link within 5 seconds of taking it back, refuses it from then on, and logs who joined', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-share-'));
    const r = await relay(['--secret', SECRET], dataDir);
    const owner = token(SECRET, 'plan', 'owner');
    const link = (await api(r, 'POST', 'plan/links', owner, { role: 'editor', label: 'Forty partners' })).json;
    const board = (await api(r, 'POST', 'plan/links', owner, { role: 'viewer', label: 'The board' })).json;
    const partners = [client(r, 'plan', { token: tokenOf(link.url) }), client(r, 'plan', { token: tokenOf(link.url) })];
    const member = client(r, 'plan', { token: tokenOf(board.url) });
    await waitFor(() => expect([...partners, member].every((p) => p.synced)).toBe(true));
    partners[0]!.doc.getText('t').insert(0, 'typed with the link');
    await waitFor(() => expect(text(member)).toBe('typed with the link'));
    const codes = partners.map(() => [] as number[]);
    partners.forEach((p, i) => p.on('connection-close', (e: { code: number } | null) => e && codes[i]!.push(e.code)));

    const before = performance.now();
    expect((await api(r, 'DELETE', `plan/links/${link.id}`, owner)).status).toBe(204);
    await waitFor(() => expect(codes.every((c) => c.includes(4403))).toBe(true), 5000);
    const seconds = (performance.now() - before) / 1000;
    expect(seconds).toBeLessThan(5);
    // The board's link still works; the revoked one is refused, also after a restart.
    expect(member.wsconnected).toBe(true);
    expect((await raw(`${r.wsUrl}/plan?token=${tokenOf(link.url)}`)).body).toMatch(/taken back/);
    // What the app asks when it cannot connect: why not, in words.
    const why = await api(r, 'GET', 'plan/access', tokenOf(link.url));
    expect(why.status).toBe(401);
    expect(why.json.error).toMatch(/this link has been taken back: ask the plan’s owner for a new one/);
    expect((await api(r, 'GET', 'plan/access', tokenOf(board.url))).json).toEqual({ role: 'viewer', name: 'The board', expiresAt: null });
    expect(await metric(r, 'coplan_closed_revoked_total')).toBe(2);
    const log = (await api(r, 'GET', 'plan/access-log', owner)).json.entries;
    expect(log.filter((e: { linkId: string }) => e.linkId === link.id)).toHaveLength(2);
    expect(log.find((e: { linkId: string }) => e.linkId === board.id)).toMatchObject({ name: 'The board', role: 'viewer' });
    expect((await api(r, 'GET', 'plan/links', owner)).json.links.find((l: { id: string }) => l.id === link.id)).toMatchObject({ uses: 2 });

    await r.stop('SIGKILL');
    const again = await relay(['--secret', SECRET], dataDir);
    expect((await raw(`${again.wsUrl}/plan?token=${tokenOf(link.url)}`)).status).toBe(401);
    expect((await raw(`${again.wsUrl}/plan?token=${tokenOf(board.url)}`)).status).toBe('open');
    process.stdout.write(`revocation closed open connections in ${seconds.toFixed(3)} s\n`);
  });

  it('closes a link’s connections when it expires', async () => {
    const r = await relay(['--secret', SECRET]);
    const link = (await api(r, 'POST', 'plan/links', token(SECRET, 'plan', 'owner'), { role: 'viewer', label: 'Short', expiresIn: '2s' })).json;
    const { ws, status } = await raw(`${r.wsUrl}/plan?token=${tokenOf(link.url)}`);
    expect(status).toBe('open');
    expect(await closeOf(ws)).toBe(4401);
  });
});

describe('sharing links across relays on PostgreSQL', () => {
  const postgres = usePostgres();

  it('a link taken back through one relay closes its connections on another within 5 seconds', async () => {
    const url = await postgres.database();
    const dir = () => mkdtempSync(join(tmpdir(), 'coplan-share-pg-'));
    const a = await relay(['--secret', SECRET, '--database-url', url], dir());
    const b = await relay(['--secret', SECRET, '--database-url', url], dir());
    const owner = token(SECRET, 'plan', 'owner');
    const link = (await api(a, 'POST', 'plan/links', owner, { role: 'editor', label: 'Workshop' })).json;
    const onB = client(b, 'plan', { token: tokenOf(link.url) });
    await waitFor(() => expect(onB.synced).toBe(true));
    const codes: number[] = [];
    onB.on('connection-close', (e: { code: number } | null) => e && codes.push(e.code));
    const before = performance.now();
    expect((await api(a, 'DELETE', `plan/links/${link.id}`, owner)).status).toBe(204);
    await waitFor(() => expect(codes).toContain(4403), 5000);
    const seconds = (performance.now() - before) / 1000;
    expect(seconds).toBeLessThan(5);
    expect((await raw(`${b.wsUrl}/plan?token=${tokenOf(link.url)}`)).status).toBe(401);
    // B's access log is the same table: owners see joins through every relay.
    expect((await api(a, 'GET', 'plan/access-log', owner)).json.entries[0]).toMatchObject({ linkId: link.id, role: 'editor', name: 'Workshop' });
    process.stdout.write(`revocation across relays closed the connection in ${seconds.toFixed(3)} s\n`);
  });
});
