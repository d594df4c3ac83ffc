import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Serves the built app: the service worker, manifest and index are never
 * cached (so a new version is seen at once), hashed assets are immutable, and
 * any unknown path gets the app's index so its own router can answer.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const base = resolve(root);
  const url = new URL(req.url ?? '/', 'http://x');
  let path = normalize(join(base, decodeURIComponent(url.pathname)));
  if (path !== base && !path.startsWith(base + sep)) {
    res.writeHead(400).end('Bad path');
    return;
  }
  if (!existsSync(path) || statSync(path).isDirectory()) path = join(base, 'index.html');
  if (!existsSync(path)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The app is not built: run `npm run build`.');
    return;
  }
  const name = path.slice(base.length);
  const noCache = /(^|\/)(sw\.js|service-worker\.js|workbox-[^/]*\.js|manifest\.webmanifest|index\.html|registerSW\.js)$/.test(name);
  const hashed = /\/assets\//.test(name);
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': noCache ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(path).pipe(res);
}
