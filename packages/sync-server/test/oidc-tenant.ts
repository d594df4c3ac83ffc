import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/** A real OpenID provider (panva's oidc-provider) on loopback, standing in for one organisation's tenant. */
export interface Tenant {
  issuer: string;
  /** Signs a person in through the provider's own login and consent pages (authorization code with PKCE) and returns their ID token. */
  signIn(email: string, name: string, clientId?: string): Promise<string>;
  close(): Promise<void>;
}

const REDIRECT = 'http://127.0.0.1/coplan-callback';

/** Starts a provider whose people carry `tid` (the tenant id, as Entra ID's tokens do), with the clients given. */
export async function startTenant(tid: string, options: { clientIds?: string[]; idTokenSeconds?: number; redirectUris?: string[] } = {}): Promise<Tenant> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: (options.clientIds ?? ['coplan']).map((client_id) => ({
      client_id,
      token_endpoint_auth_method: 'none',
      redirect_uris: [REDIRECT, ...(options.redirectUris ?? [])],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    claims: { openid: ['sub', 'tid'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    features: { devInteractions: { enabled: true } },
    ttl: { IdToken: options.idTokenSeconds ?? 3600 },
    conformIdTokenClaims: false, // email and name in the ID token itself, as Entra ID puts them
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, tid, email: sub, email_verified: true, name: names.get(sub) ?? sub }),
    }),
  });
  provider.proxy = false;
  const names = new Map<string, string>();
  server.on('request', provider.callback());

  return {
    issuer,
    async signIn(email, name, clientId = 'coplan') {
      names.set(email, name);
      const jar = new Map<string, string>();
      const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
        const res = await fetch(new URL(url, issuer), { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: cookies() } });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const at = pair!.indexOf('=');
          jar.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
        return res;
      };
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const auth = new URL('/auth', issuer);
      for (const [k, v] of Object.entries({
        client_id: clientId,
        response_type: 'code',
        scope: 'openid email profile',
        redirect_uri: REDIRECT,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        nonce: randomBytes(8).toString('hex'),
        state: 's',
      }))
        auth.searchParams.set(k, v);
      let res = await go(auth.toString());
      // Follow the provider through its login and consent pages, answering each form, until it redirects back with a code.
      for (let step = 0; step < 10; step++) {
        const location = res.headers.get('location');
        if (location?.startsWith(REDIRECT)) {
          const code = new URL(location).searchParams.get('code');
          if (!code) throw new Error(`no code: ${location}`);
          const token = await go('/token', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: clientId, code_verifier: verifier }).toString(),
          });
          const body = (await token.json()) as { id_token?: string; error?: string };
          if (!body.id_token) throw new Error(`no ID token: ${JSON.stringify(body)}`);
          return body.id_token;
        }
        if (location) {
          res = await go(location);
          continue;
        }
        const page = await res.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
        if (!action) throw new Error(`the provider showed no form:\n${page.slice(0, 500)}`);
        const fields = new URLSearchParams();
        for (const [tag] of page.matchAll(/<input[^>]*>/g)) {
          const field = /name="([^"]+)"/.exec(tag)?.[1];
          if (field) fields.set(field, /value="([^"]*)"/.exec(tag)?.[1] ?? '');
        }
        if (fields.has('login')) fields.set('login', email);
        if (fields.has('password')) fields.set('password', 'any');
        res = await go(action.replace(/&amp;/g, '&'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
      }
      throw new Error('the sign-in did not finish');
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
