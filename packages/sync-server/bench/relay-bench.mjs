/**
 * Relay benchmark: `npm run bench` (root) or `node --import tsx packages/sync-server/bench/relay-bench.mjs [--seconds 30] [--clients 60] [--rate 5] [--idle-rooms 1000]`.
 * Runs the Coplan relay on its file store, on PostgreSQL (one relay, and two relays on one
 * database with the clients split between them), the reference y-websocket server
 * (@y/websocket-server 0.1.1 with LevelDB persistence) and a bare ws broadcast floor one
 * after another, with the same clients, on 127.0.0.1 only, and prints one table.
 * PostgreSQL is a throwaway cluster (Debian's postgresql), as in the tests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '60' },
    rate: { type: 'string', default: '5' },
    'idle-rooms': { type: 'string', default: '1000' },
  },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const RATE = Number(values.rate);
const IDLE_ROOMS = Number(values['idle-rooms']);
const require = createRequire(import.meta.url);
const referenceServer = join(dirname(require.resolve('@y/websocket-server/package.json')), 'src/server.js');

const { startPostgres } = await import('../test/postgres-cluster.ts');
let cluster = null;
let databases = 0;
async function database() {
  cluster ??= await startPostgres();
  return cluster.createDatabase(`bench_${++databases}`);
}
const coplanOn = (url) => spawnServer(process.execPath, [join(here, '../dist/cli.js'), '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'bench-coplan-')), '--database-url', url], {});

const SERVERS = {
  'coplan-pg': async () => coplanOn(await database()),
  'coplan-pg-two': async () => {
    const url = await database();
    const [a, b] = [await coplanOn(url), await coplanOn(url)];
    return { ...a, bases: [a.base, b.base], others: [b.child] };
  },
  coplan: () => spawnServer(process.execPath, [join(here, '../dist/cli.js'), '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'bench-coplan-'))], {}),
  reference: () =>
    freePort().then((port) => spawnServer(process.execPath, [referenceServer], { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: mkdtempSync(join(tmpdir(), 'bench-ref-')) }, port)),
  floor: () => spawnServer(process.execPath, [join(here, 'floor-server.mjs')], { PORT: '0' }),
};

async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function spawnServer(cmd, args, env, knownPort) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15000);
    const check = () => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out) ?? (knownPort && /running at/.exec(out) ? [null, knownPort] : null);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), base: `ws://127.0.0.1:${m[1]}/sync` });
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
  });
}

/** CPU seconds used so far and peak resident memory, from /proc. */
function processStats(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpuSeconds = (Number(stat[11]) + Number(stat[12])) / 100;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)[1]);
  return { cpuSeconds, peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
}

/** A client that speaks just enough of the y-websocket protocol, the same against every server. */
function makeClient(url, onRemoteUpdate) {
  const doc = new Y.Doc();
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  const opened = new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  ws.on('open', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
    ws.send(encoding.toUint8Array(e));
  });
  ws.on('message', (data) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const type = decoding.readVarUint(d);
    if (type === 0) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep2(e, doc, decoding.readVarUint8Array(d));
      ws.send(encoding.toUint8Array(e));
    } else if (type === 2) onRemoteUpdate(decoding.readVarUint8Array(d));
  });
  const send = (update) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
    ws.send(encoding.toUint8Array(e));
  };
  return { doc, ws, opened, send };
}

const percentile = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function workshop(name) {
  const server = await SERVERS[name]();
  const sentAt = new Map();
  const latencies = [];
  const bases = server.bases ?? [server.base];
  const relayOf = new Map(); // client id → which relay it is on, to tell cross-relay deliveries apart
  const crossLatencies = [];
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) {
    const mine = i % bases.length;
    const c = makeClient(`${bases[mine]}/workshop`, (update) => {
      for (const s of Y.decodeUpdate(update).structs) {
        const t = sentAt.get(`${s.id.client}:${s.id.clock}`);
        if (t === undefined) continue;
        latencies.push(performance.now() - t);
        if (relayOf.get(s.id.client) !== mine) crossLatencies.push(performance.now() - t);
      }
    });
    relayOf.set(c.doc.clientID, mine);
    c.doc.on('update', (update, origin) => {
      if (origin !== 'local') return;
      const first = Y.decodeUpdate(update).structs[0];
      sentAt.set(`${first.id.client}:${first.id.clock}`, performance.now());
      c.send(update);
    });
    clients.push(c);
  }
  await Promise.all(clients.map((c) => c.opened));
  await new Promise((r) => setTimeout(r, 500));
  const before = processStats(server.child.pid);
  const started = performance.now();
  let seq = 0;
  const timers = clients.map((c, i) => setInterval(() => c.doc.transact(() => c.doc.getMap('m').set(`c${i}`, ++seq), 'local'), 1000 / RATE));
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  timers.forEach(clearInterval);
  await new Promise((r) => setTimeout(r, 1000));
  const elapsed = (performance.now() - started) / 1000;
  const after = processStats(server.child.pid);
  for (const c of clients) c.ws.close();
  server.child.kill('SIGKILL');
  for (const other of server.others ?? []) other.kill('SIGKILL');
  latencies.sort((a, b) => a - b);
  crossLatencies.sort((a, b) => a - b);
  const expected = seq * (CLIENTS - 1);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    crossP50: crossLatencies.length ? percentile(crossLatencies, 50) : null,
    crossP99: crossLatencies.length ? percentile(crossLatencies, 99) : null,
    delivered: latencies.length / expected,
    cpu: ((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100,
    peakMiB: after.peakMiB,
  };
}

async function idleRooms(name) {
  const server = await SERVERS[name]();
  const clients = [];
  for (let i = 0; i < IDLE_ROOMS; i++) {
    const c = makeClient(`${server.base}/room-${i}`, () => {});
    clients.push(c);
    await c.opened;
    c.doc.transact(() => c.doc.getText('t').insert(0, `plan ${i} — a small idle plan`), 'x');
    c.send(Y.encodeStateAsUpdate(c.doc));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const stats = processStats(server.child.pid);
  for (const c of clients) c.ws.close();
  server.child.kill('SIGKILL');
  return stats.rssMiB;
}

/** Connects to a room, sends sync step 1, resolves with the ms until sync step 2 arrives. */
function timeSync(url) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const c = makeClient(url, () => {});
    c.opened.catch(reject);
    c.ws.on('message', (data) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1) {
        resolve(performance.now() - started);
        c.ws.close();
      }
    });
  });
}

async function syncTimes(url, n) {
  const times = [];
  for (let i = 0; i < n; i++) times.push(await timeSync(url));
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), max: times[times.length - 1] };
}

function awarenessFrame(clientId, clock, state) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/**
 * The hostile viewer of issue 10: one connection sets a 1 MB presence state
 * (and refreshes it), a second never reads and sends hundreds of one-byte
 * presence queries. Measured: the server's peak memory, and how long another
 * plan (about 200 kB) takes to sync, quiet and under the attack.
 */
async function hostileViewer(name) {
  const server = await SERVERS[name]();
  const seeder = makeClient(`${server.base}/other-plan`, () => {});
  await seeder.opened;
  seeder.doc.transact(() => {
    for (let i = 0; i < 2000; i++) seeder.doc.getMap('actions').set(`a${i}`, `Action ${i}: ${'partners agree the approach '.repeat(3)}`);
  }, 'x');
  seeder.send(Y.encodeStateAsUpdate(seeder.doc));
  await new Promise((r) => setTimeout(r, 1000));
  const quiet = await syncTimes(`${server.base}/other-plan`, 15);
  const quietPeak = processStats(server.child.pid).peakMiB;

  const big = new WebSocket(`${server.base}/workshop`);
  const sleeper = new WebSocket(`${server.base}/workshop`);
  await Promise.all([big, sleeper].map((ws) => new Promise((r) => ws.on('open', r))));
  big.on('error', () => {});
  sleeper.on('error', () => {});
  sleeper._socket.pause(); // never reads
  const state = { user: { name: 'x'.repeat(1024 * 1024) } };
  let clock = 1;
  const refresh = setInterval(() => big.readyState === WebSocket.OPEN && big.send(awarenessFrame(99, clock++, state)), 100);
  const queries = setInterval(() => {
    for (let i = 0; i < 20; i++) if (sleeper.readyState === WebSocket.OPEN) sleeper.send(Uint8Array.of(3));
  }, 50);
  await new Promise((r) => setTimeout(r, 2000));
  const attacked = await syncTimes(`${server.base}/other-plan`, 15);
  clearInterval(refresh);
  clearInterval(queries);
  const attackPeak = processStats(server.child.pid).peakMiB;
  big.terminate();
  sleeper.terminate();
  seeder.ws.close();
  server.child.kill('SIGKILL');
  return { quiet, attacked, quietPeak, attackPeak };
}

const rows = [];
for (const name of ['coplan', 'coplan-pg', 'coplan-pg-two', 'reference', 'floor']) {
  const w = await workshop(name);
  const single = name !== 'coplan-pg-two';
  const idle = single ? await idleRooms(name) : null;
  const hostile = single && name !== 'coplan-pg' ? await hostileViewer(name) : null;
  rows.push({ name, ...w, idle, hostile });
  process.stderr.write(`${name} done\n`);
}
await cluster?.remove();
const fmt = (n, d = 1) => n.toFixed(d);
const label = {
  coplan: 'Coplan relay, file store (fsync before broadcast)',
  'coplan-pg': 'Coplan relay, PostgreSQL (commit before broadcast)',
  'coplan-pg-two': 'two Coplan relays on one PostgreSQL, clients split',
  reference: '@y/websocket-server 0.1.1 + LevelDB',
  floor: 'bare ws broadcast (floor)',
};
console.log(`\nRelay benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`workload: ${CLIENTS} clients in one room, each sending ${RATE} updates/s for ${SECONDS} s; then ${IDLE_ROOMS} idle rooms with one client each`);
console.log('\n| server | p50 delivery | p99 delivery | between relays p50 / p99 | delivered | server CPU | server peak memory | RSS with idle rooms |\n|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${label[r.name]} | ${fmt(r.p50)} ms | ${fmt(r.p99)} ms | ${r.crossP50 === null ? '—' : `${fmt(r.crossP50)} / ${fmt(r.crossP99)} ms`} | ${fmt(r.delivered * 100)}% | ${fmt(r.cpu)}% of a core${r.name === 'coplan-pg-two' ? ' (first relay)' : ''} | ${fmt(r.peakMiB)} MiB | ${r.idle === null ? '—' : `${fmt(r.idle)} MiB`} |`,
  );
console.log(
  '\nUnder a hostile viewer (1 MB presence state refreshed 10 times a second, plus a connection that never reads sending 400 presence queries a second), another plan of about 200 kB syncing 15 times in a row:\n',
);
console.log('| server | sync, quiet (median / max) | sync, under attack (median / max) | peak memory, quiet | peak memory, under attack |\n|---|---|---|---|---|');
for (const r of rows.filter((r) => r.hostile)) {
  const h = r.hostile;
  console.log(`| ${label[r.name]} | ${fmt(h.quiet.median)} / ${fmt(h.quiet.max)} ms | ${fmt(h.attacked.median)} / ${fmt(h.attacked.max)} ms | ${fmt(h.quietPeak)} MiB | ${fmt(h.attackPeak)} MiB |`);
}
process.exit(0);
