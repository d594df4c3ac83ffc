import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type RelayProcess } from './relay-process.js';
import { client, closeOf, raw, relay, text, token } from './per-test.js';
import { startTenant, type Tenant } from './oidc-tenant.js';

const SECRET = 'a-long-test-secret';
let a: Tenant; // a police force's tenant
let b: Tenant; // an NHS tenant
let c: Tenant; // a tenant this server does not allow
let short: Tenant; // tenant a again, with ID tokens that last 2 seconds
beforeAll(async () => {
  [a, b, c, short] = await Promise.all([
    startTenant('tenant-a', { clientIds: ['coplan', 'another-app'] }),
    startTenant('tenant-b'),
    startTenant('tenant-c'),
    startTenant('tenant-a', { idTokenSeconds: 2 }),
  ]);
});
afterAll(async () => {
  await Promise.all([a, b, c, short].map((t) => t?.close()));
});

const signInRelay = () => relay(['--secret', SECRET, '--oidc-client-id', 'coplan', '--oidc-allowed-tenants', 'tenant-a,tenant-b', ...[a, b, c, short].flatMap((t) => ['--oidc-issuer', t.issuer])]);

async function share(r: RelayProcess, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${r.url}/api/plans/plan/links`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token(SECRET, 'plan', 'owner')}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const refusal = async (r: RelayProcess, idToken: string) => (await raw(`${r.wsUrl}/plan?token=${idToken}`)).body;

describe('sign-in with the partners’ own accounts (OpenID Connect, real providers)', () => {
  it('lets people in from two tenants as the plan is shared with them, by name or by domain, and refuses the rest with why', async () => {
    const r = await signInRelay();
    expect((await share(r, { role: 'editor', email: 'Alice@a.example' })).json).toMatchObject({ role: 'editor', email: 'alice@a.example', label: 'alice@a.example' });
    const everyoneAtB = await share(r, { role: 'viewer', domain: 'b.example' });
    expect(everyoneAtB.json.url).toBe(`${r.url}/#/plan/plan`);
    expect((await share(r, { role: 'owner', domain: 'b.example' })).status).toBe(400);

    const alice = client(r, 'plan', { token: await a.signIn('alice@a.example', 'Alice') });
    const bob = client(r, 'plan', { token: await b.signIn('bob@b.example', 'Bob') });
    alice.doc.getText('t').insert(0, 'Alice signed in and typed this');
    await waitFor(() => expect(text(bob)).toBe('Alice signed in and typed this'));
    bob.doc.getText('t').insert(0, 'VIEWER ');
    const check = client(r, 'plan', { token: token(SECRET, 'plan', 'viewer') });
    await waitFor(() => expect(check.synced).toBe(true));
    expect(text(check)).toBe('Alice signed in and typed this');

    expect(await refusal(r, await a.signIn('dave@a.example', 'Dave'))).toMatch(/signed in as dave@a\.example, but this plan is not shared with you/);
    expect(await refusal(r, await c.signIn('carol@b.example', 'Carol'))).toMatch(/your organisation is not allowed on this server/);
    expect(await refusal(r, await a.signIn('alice@a.example', 'Alice', 'another-app'))).toMatch(/the sign-in was for another application/);
    const log = (await (await fetch(`${r.url}/api/plans/plan/access-log`, { headers: { authorization: `Bearer ${token(SECRET, 'plan', 'owner')}` } })).json()) as {
      entries: Array<{ name: string; role: string }>;
    };
    expect(log.entries.map((e) => `${e.name} ${e.role}`)).toEqual(expect.arrayContaining(['Alice editor', 'Bob viewer']));
  });

  it('refuses an expired ID token, closes a signed-in connection when its ID token expires, and when the person’s share is taken back', async () => {
    const r = await signInRelay();
    const shared = (await share(r, { role: 'editor', email: 'erin@a.example' })).json;
    const brief = await short.signIn('erin@a.example', 'Erin');
    const { ws, status } = await raw(`${r.wsUrl}/plan?token=${brief}`);
    expect(status).toBe('open');
    expect(await closeOf(ws)).toBe(4401);
    await waitFor(async () => expect(await refusal(r, brief)).toMatch(/your sign-in has expired: sign in again/));

    const lasting = (await raw(`${r.wsUrl}/plan?token=${await a.signIn('erin@a.example', 'Erin')}`)).ws;
    const closed = closeOf(lasting);
    const res = await fetch(`${r.url}/api/plans/plan/links/${shared.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token(SECRET, 'plan', 'owner')}` } });
    expect(res.status).toBe(204);
    expect(await closed).toBe(4403);
    expect(await refusal(r, await a.signIn('erin@a.example', 'Erin'))).toMatch(/not shared with you/);
  });

  it('an owner who signs in can share the plan themselves', async () => {
    const r = await signInRelay();
    await share(r, { role: 'owner', email: 'manager@a.example' });
    const idToken = await a.signIn('manager@a.example', 'Business manager');
    const res = await fetch(`${r.url}/api/plans/plan/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer', label: 'The board' }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { url: string }).url).toMatch(/\?token=/);
    const access = await (await fetch(`${r.url}/api/plans/plan/access`, { headers: { authorization: `Bearer ${idToken}` } })).json();
    expect(access).toMatchObject({ role: 'owner', name: 'Business manager' });
  });

  it('a signed-in person puts a plan made on their device onto the relay as its owner, once, and only a plan not there yet', async () => {
    const r = await signInRelay();
    const claim = async (planId: string, bearer: string) => fetch(`${r.url}/api/plans/${planId}/claim`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` } });
    const frank = await a.signIn('frank@a.example', 'Frank');
    expect((await claim('made-offline', frank)).status).toBe(201);
    const access = await (await fetch(`${r.url}/api/plans/made-offline/access`, { headers: { authorization: `Bearer ${frank}` } })).json();
    expect(access).toMatchObject({ role: 'owner', name: 'Frank' });
    // Someone else cannot take it, nor a plan already on the server.
    const res = await claim('made-offline', await b.signIn('grace@b.example', 'Grace'));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/already on the server: ask its owner to share it with you/);
    const stored = client(r, 'stored-plan', { token: token(SECRET, 'stored-plan', 'editor') });
    stored.doc.getText('t').insert(0, 'x');
    await waitFor(async () => expect((await claim('stored-plan', frank)).status).toBe(409));
    expect((await claim('another', token(SECRET, 'another', 'owner'))).status).toBe(401);
  });

  it('refuses to start with sign-in but no secret, or no client id', async () => {
    const { execFileSync } = await import('node:child_process');
    const { BIN } = await import('./relay-process.js');
    expect(() => execFileSync(process.execPath, [BIN, '--oidc-issuer', a.issuer, '--oidc-client-id', 'coplan'], { stdio: 'pipe' })).toThrow(/needs --secret as well/);
    expect(() => execFileSync(process.execPath, [BIN, '--secret', 's', '--oidc-issuer', a.issuer], { stdio: 'pipe' })).toThrow(/needs --oidc-client-id/);
  });
});
