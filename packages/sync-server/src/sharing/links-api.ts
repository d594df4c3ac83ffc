import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access } from '../access.js';
import { decodePath } from '../http/request-target.js';
import { planIdProblem } from '../plan-id.js';
import { parseTtl, signToken, TokenRefused, type Role } from '../tokens.js';
import type { LinkRegistry } from './link-registry.js';

/** What the sharing API needs from the relay. */
export interface LinksApiContext {
  secret: string;
  access: Access;
  links: LinkRegistry;
  /** Whether anything is stored for a plan (a plan may be claimed only while nothing is). */
  planExists(planId: string): Promise<boolean>;
  /** Who a sign-in's ID token names, when sign-in is on. */
  identify?(token: string): Promise<{ email: string; name: string }>;
  /** The app's public address for links (e.g. https://coplan.example.gov.uk); by default the request's Host. */
  publicUrl?: string;
  now: () => number;
}

const ROUTE = /^\/api\/plans\/([^/]+)\/(links|access-log|access|claim)(?:\/([^/]+))?$/;
const MAX_BODY = 16 * 1024;

/**
 * The sharing API, for the app and other council tools (documented in the README):
 *
 * - `POST /api/plans/<planId>/links` `{"role": "editor" | "viewer", "label": "…", "expiresIn": "30d"}` → 201 `{id, role, label, expiresAt, url}`
 * - `GET /api/plans/<planId>/links` → 200 `{links: [...]}` (with uses and last use)
 * - `DELETE /api/plans/<planId>/links/<id>` → 204; every connection opened with the link is closed
 * - `GET /api/plans/<planId>/access-log` → 200 `{entries: [...]}` (newest first)
 * - `POST /api/plans/<planId>/claim` with a sign-in's ID token → 201: a plan made on a
 *   device, with nothing on the relay yet and no links, becomes its maker's (owner by name)
 * - `GET /api/plans/<planId>/access` → 200 `{role, name, expiresAt}` for any valid
 *   token, or 401 with why not: the app asks when it cannot connect
 *
 * Each needs `Authorization: Bearer <token>`, with the owner role but for
 * `access`: 401 without a valid token, 403 with another role. Resolves false
 * for a path that is not the API's.
 */
export async function answerLinksApi(rawPath: string, req: IncomingMessage, res: ServerResponse, ctx: LinksApiContext): Promise<boolean> {
  const match = ROUTE.exec(rawPath);
  if (!match) return false;
  const planId = decodePath(match[1]!);
  const linkId = match[3] === undefined ? undefined : decodePath(match[3]);
  if (planId === null || linkId === null) return reply(res, 400, { error: 'Bad plan or link id: not valid percent-encoding.' });
  const problem = planIdProblem(planId);
  if (problem) return reply(res, 400, { error: `Bad plan id: ${problem}.` });
  const route = match[2] === 'links' ? (match[3] === undefined ? 'links' : 'link') : match[3] !== undefined ? null : match[2] === 'access' ? 'access' : match[2] === 'claim' ? 'claim' : 'log';
  if (!route) return reply(res, 404, { error: 'Not found.' });
  const allowed = { links: ['GET', 'POST'], link: ['DELETE'], log: ['GET'], access: ['GET'], claim: ['POST'] }[route];
  if (!allowed.includes(req.method ?? '')) return reply(res, 405, { error: `Use ${allowed.join(' or ')} here.` }, { allow: allowed.join(', ') });

  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
  if (!bearer) return reply(res, 401, { error: 'No token: send Authorization: Bearer <owner token>.' }, { 'www-authenticate': 'Bearer' });
  if (route === 'claim') return claim(planId, bearer, req, res, ctx);
  let grant;
  try {
    grant = await ctx.access.authorize(planId, bearer);
  } catch (e) {
    if (e instanceof TokenRefused) return reply(res, 401, { error: `Refused: ${e.message}.` }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    throw e;
  }
  if (route === 'access') return reply(res, 200, { role: grant.role, name: grant.name, expiresAt: grant.expiresAt === undefined ? null : new Date(grant.expiresAt).toISOString() });
  if (grant.role !== 'owner') return reply(res, 403, { error: `Only the plan's owners can share it; this token is for ${grant.role === 'editor' ? 'an editor' : 'a viewer'}.` });

  if (route === 'log') return reply(res, 200, { entries: await ctx.links.accessLog(planId, 1000) });
  if (route === 'link') {
    const revoked = await ctx.links.revoke(planId, linkId!, new Date(ctx.now()).toISOString());
    if (!revoked) return reply(res, 404, { error: 'This plan has no such link.' });
    res.writeHead(204).end();
    return true;
  }
  if (req.method === 'GET') return reply(res, 200, { links: await ctx.links.list(planId) });

  let body: { role?: unknown; label?: unknown; expiresIn?: unknown; email?: unknown; domain?: unknown };
  try {
    body = JSON.parse(await readBody(req)) as typeof body;
    if (typeof body !== 'object' || body === null) throw new Error('not an object');
  } catch (e) {
    return reply(res, 400, { error: `The body must be JSON such as {"role": "editor", "label": "Workshop", "expiresIn": "30d"} (${e instanceof Error ? e.message : e}).` });
  }
  const toEmail = typeof body.email === 'string' ? body.email.trim().toLowerCase() : null;
  const toDomain = typeof body.domain === 'string' ? body.domain.trim().toLowerCase().replace(/^@/, '') : null;
  if ((body.email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(toEmail ?? '')) || (body.domain !== undefined && !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(toDomain ?? '')))
    return reply(res, 400, { error: 'email must be an address (name@example.gov.uk) and domain a domain (example.police.uk).' });
  if (toEmail && toDomain) return reply(res, 400, { error: 'Share with a person (email) or a domain, not both at once.' });
  if (body.role !== 'editor' && body.role !== 'viewer' && !(body.role === 'owner' && toEmail))
    return reply(res, 400, { error: toEmail ? 'role must be "owner", "editor" or "viewer".' : 'role must be "editor" or "viewer".' });
  if (body.label !== undefined && (typeof body.label !== 'string' || body.label.length > 200)) return reply(res, 400, { error: 'label must be text of at most 200 characters.' });
  let ttlSeconds: number | null = null;
  if (body.expiresIn !== undefined && body.expiresIn !== null) {
    try {
      if (typeof body.expiresIn !== 'string') throw new Error();
      ttlSeconds = parseTtl(body.expiresIn);
    } catch {
      return reply(res, 400, { error: 'expiresIn must be a number and a unit (s, m, h or d), such as "30d".' });
    }
  }
  const role = body.role as Role;
  const id = randomUUID();
  const now = ctx.now();
  const label = (body.label ?? '').trim() || (toEmail ?? (toDomain ? `Everyone at ${toDomain}` : ''));
  const base = (ctx.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`).replace(/\/+$/, '');
  const planUrl = `${base}/#/plan/${encodeURIComponent(planId)}`;
  // A person or a domain signs in to open the plan: their link carries no token.
  const token = toEmail || toDomain ? null : await signToken(ctx.secret, { planId, role, name: label, linkId: id }, ttlSeconds === null ? null : `${ttlSeconds}s`, now);
  const link = {
    id,
    planId,
    role,
    label,
    url: token ? `${planUrl}?token=${token}` : planUrl,
    toEmail,
    toDomain,
    createdAt: new Date(now).toISOString(),
    createdBy: grant.name,
    expiresAt: ttlSeconds === null ? null : new Date(now + ttlSeconds * 1000).toISOString(),
  };
  await ctx.links.create(link);
  return reply(res, 201, { id, role: link.role, label, expiresAt: link.expiresAt, url: link.url, ...(toEmail ? { email: toEmail } : {}), ...(toDomain ? { domain: toDomain } : {}) });
}

/** A person signed in puts a plan they made on their device onto the relay, as its owner. */
async function claim(planId: string, bearer: string, req: IncomingMessage, res: ServerResponse, ctx: LinksApiContext): Promise<true> {
  if (!ctx.identify) return reply(res, 404, { error: 'This server has no sign-in: ask its administrator for an owner’s link to the plan.' });
  let who;
  try {
    who = await ctx.identify(bearer);
  } catch (e) {
    if (e instanceof TokenRefused) return reply(res, 401, { error: `Refused: ${e.message}.` });
    throw e;
  }
  if ((await ctx.planExists(planId)) || (await ctx.links.list(planId)).length > 0) return reply(res, 409, { error: 'This plan is already on the server: ask its owner to share it with you.' });
  const now = new Date(ctx.now()).toISOString();
  const base = (ctx.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`).replace(/\/+$/, '');
  await ctx.links.create({
    id: randomUUID(),
    planId,
    role: 'owner',
    label: who.email,
    toEmail: who.email,
    toDomain: null,
    url: `${base}/#/plan/${encodeURIComponent(planId)}`,
    createdAt: now,
    createdBy: who.name,
    expiresAt: null,
  });
  return reply(res, 201, { planId, role: 'owner', email: who.email });
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
  return true;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error(`over ${MAX_BODY} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
