import { connect } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relay } from './per-test.js';

/** Sends raw bytes as one HTTP request and resolves with the status line's code, or 'closed' if the server hung up without one. */
function send(url: string, bytes: string): Promise<number | 'closed'> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 5 s to ${JSON.stringify(bytes.slice(0, 200))}`));
    }, 5000);
    const done = (result: number | 'closed') => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    socket.on('data', (d) => {
      got += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m) done(Number(m[1]));
    });
    socket.on('error', () => done('closed'));
    socket.on('close', () => done('closed'));
    socket.end(bytes, 'latin1'); // then EOF, so a request cut short is not waited for
  });
}

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const pathChar = fc.oneof(
  fc.constantFrom('/', '%', '.', '..', '//', '?', '#', '%2F', '%2E', '%00', '%ff', '%E0%A4%A', '%C0%AF', '\\', ';', '=', '&', 'sync', 'sync/', 'assets', 'api', 'demo', 'healthz', 'metrics', 'token='),
  fc.string({ maxLength: 6 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const path = fc.array(pathChar, { maxLength: 12 }).map((parts) => parts.join(''));
const method = fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE'), token);
const header = fc.tuple(
  token,
  fc.string({ maxLength: 40 }).map((v) => v.replace(/[\r\n]/g, ' ')),
);
const upgradeHeaders = fc.constantFrom<Array<[string, string]>>(
  [],
  [
    ['Connection', 'Upgrade'],
    ['Upgrade', 'websocket'],
    ['Sec-WebSocket-Version', '13'],
    ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='],
  ],
  [
    ['Connection', 'Upgrade'],
    ['Upgrade', 'websocket'],
  ],
  [
    ['Connection', 'Upgrade'],
    ['Upgrade', 'websocket'],
    ['Sec-WebSocket-Version', '99'],
    ['Sec-WebSocket-Key', 'x'],
  ],
);
const request = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        method,
        path: fc.oneof(
          path,
          path.map((p) => `/${p}`),
          path.map((p) => `/sync/${p}`),
        ),
        headers: fc.array(header, { maxLength: 4 }),
        upgrade: upgradeHeaders,
      })
      .map(
        ({ method: m, path: p, headers, upgrade }) =>
          `${m} ${p.replace(/[\r\n ]/g, '%20') || '/'} HTTP/1.1\r\nHost: relay\r\n${[...headers, ...upgrade].map(([k, v]) => `${k}: ${v}\r\n`).join('')}Connection: close\r\n\r\n`,
      ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((junk) => `${junk}\r\n\r\n`) },
);

describe('the HTTP and upgrade surface under fuzzing', () => {
  it('answers every request, however malformed, with a status or a hang-up, and stays up', async () => {
    const r = await relay(['--secret', 'a-test-secret', '--static', '/nonexistent-app-dir']);
    let answered = 0;
    const statuses = new Map<number | 'closed', number>();
    await fc.assert(
      fc.asyncProperty(request, async (bytes) => {
        const result = await send(r.url, bytes);
        statuses.set(result, (statuses.get(result) ?? 0) + 1);
        if (result !== 'closed') expect(result).toBeGreaterThanOrEqual(100);
        if (result !== 'closed') expect(result).toBeLessThan(500);
        answered++;
        expect(r.child.exitCode).toBe(null);
      }),
      { numRuns: 300 },
    );
    expect(answered).toBe(300);
    // Most requests are well-formed enough to get a status, and the refusals are among them.
    expect(300 - (statuses.get('closed') ?? 0), JSON.stringify([...statuses])).toBeGreaterThan(200);
    expect(statuses.get(400)).toBeGreaterThan(10);
    expect((await fetch(r.url + '/healthz')).status).toBe(200);
    expect(r.output()).not.toMatch(/ERROR/);
  }, 60_000);
});
