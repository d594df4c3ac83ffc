import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { decodePath } from './request-target.js';

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
 * any unknown path gets the app's index so its own router can answer. A path
 * that does not decode, or leads outside the app, gets 400; a method other
 * than GET or HEAD gets 405.
 */
export async function serveStatic(root: string, rawPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Only GET and HEAD are served here.\n');
    return;
  }
  const base = resolve(root);
  const decoded = decodePath(rawPath);
  if (decoded === null || decoded.includes('\0')) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad path: it is not valid percent-encoded text.\n');
    return;
  }
  let path = normalize(join(base, decoded));
  if (path !== base && !path.startsWith(base + sep)) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad path: it leads outside the app.\n');
    return;
  }
  let info = await stat(path).catch(() => null);
  if (!info || info.isDirectory()) {
    path = join(base, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The app is not built: run `npm run build`.\n');
    return;
  }
  const name = path.slice(base.length);
  const noCache = /(^|\/)(sw\.js|service-worker\.js|workbox-[^/]*\.js|manifest\.webmanifest|index\.html|registerSW\.js)$/.test(name);
  const hashed = /\/assets\//.test(name);
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': noCache ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(path)
    .on('error', () => res.destroy()) // the file went away mid-read: end this response, nothing else
    .pipe(res);
}
