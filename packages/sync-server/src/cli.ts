#!/usr/bin/env node
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startRelay } from './relay.js';
import { signToken } from './tokens.js';

const HELP = `coplan-server: the Coplan relay

Usage:
  coplan-server [--host H] [--port P] [--data-dir DIR] [--secret S] [--demo] [--static DIR]
  coplan-server token --secret S --plan ID --role owner|editor|viewer [--ttl 7d] [--name "..."]

Options (environment equivalents in brackets):
  --host        address to listen on, default 127.0.0.1        [COPLAN_HOST]
  --port        port, default 8080; 0 picks a free one          [COPLAN_PORT]
  --data-dir    where plans are stored, default ./data         [COPLAN_DATA_DIR]
  --database-url  keep plans in PostgreSQL instead (postgres://…); several relays may share one [COPLAN_DATABASE_URL]
  --secret      turns on access control (tokens)               [COPLAN_SECRET]
  --demo        adds the Lancashire 2015/16 demo plan           [COPLAN_DEMO=1]
  --static      the built app to serve, default packages/app/dist [COPLAN_STATIC]
  --public-url  the app's public address, for share links (e.g. https://coplan.example.gov.uk) [COPLAN_PUBLIC_URL]
  --oidc-issuer           sign-in: an OpenID issuer whose ID tokens are taken, optionally named for the app ("Name=https://…"); repeat for several tenants [COPLAN_OIDC_ISSUERS, comma-separated]
  --oidc-client-id        sign-in: the application (client) id the ID tokens must be for [COPLAN_OIDC_CLIENT_ID]
  --oidc-allowed-tenants  sign-in: tenant ids (tid) allowed, comma-separated; default every issuer's [COPLAN_OIDC_ALLOWED_TENANTS]
  --oidc-allowed-domains  sign-in: e-mail domains allowed, comma-separated; default any [COPLAN_OIDC_ALLOWED_DOMAINS]
  --max-message-bytes         largest frame, default 16777216 [COPLAN_MAX_MESSAGE_BYTES]
  --messages-per-second       per connection, default 200    [COPLAN_MESSAGES_PER_SECOND]
  --max-connections-per-room  default 200                    [COPLAN_MAX_CONNECTIONS_PER_ROOM]
  --max-items-per-update      default 500000                 [COPLAN_MAX_ITEMS_PER_UPDATE]
  --max-nesting-depth         shared types, default 32       [COPLAN_MAX_NESTING_DEPTH]
  --max-presence-bytes        one person's presence, default 16384 [COPLAN_MAX_PRESENCE_BYTES]
  --max-buffered-bytes        unsent bytes before a slow connection is closed, default 8388608 [COPLAN_MAX_BUFFERED_BYTES]

The limits, close codes and guarantees: packages/sync-server/README.md.
`;

function fail(message: string): never {
  process.stderr.write(`coplan-server: ${message}\nRun coplan-server --help for usage.\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'token') {
    const { values } = parseArgs({
      args: argv.slice(1),
      options: { secret: { type: 'string' }, plan: { type: 'string' }, role: { type: 'string' }, ttl: { type: 'string', default: '7d' }, name: { type: 'string', default: '' } },
      strict: true,
    });
    const secret = values.secret ?? process.env.COPLAN_SECRET;
    if (!secret) fail('token needs --secret (the same one the server runs with).');
    if (!values.plan) fail('token needs --plan ID.');
    if (values.role !== 'owner' && values.role !== 'editor' && values.role !== 'viewer')
      fail('token needs --role owner, --role editor or --role viewer (an owner can share the plan and take links back).');
    try {
      process.stdout.write((await signToken(secret, { planId: values.plan, role: values.role, name: values.name ?? '' }, values.ttl)) + '\n');
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
    return;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        secret: { type: 'string' },
        demo: { type: 'boolean' },
        static: { type: 'string' },
        'public-url': { type: 'string' },
        'oidc-issuer': { type: 'string', multiple: true },
        'oidc-client-id': { type: 'string' },
        'oidc-allowed-tenants': { type: 'string' },
        'oidc-allowed-domains': { type: 'string' },
        'max-message-bytes': { type: 'string' },
        'messages-per-second': { type: 'string' },
        'max-connections-per-room': { type: 'string' },
        'max-items-per-update': { type: 'string' },
        'max-nesting-depth': { type: 'string' },
        'max-presence-bytes': { type: 'string' },
        'max-buffered-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port ?? process.env.COPLAN_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535; got "${values.port}".`);
  const limit = (flag: string, env: string): number | undefined => {
    const raw = (values as Record<string, string | undefined>)[flag] ?? process.env[env];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) fail(`--${flag} must be a whole number above 0; got "${raw}".`);
    return n;
  };
  const list = (raw: string | undefined) =>
    (raw ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  // An issuer may be named for the app's sign-in button: "Lincolnshire Police=https://login.microsoftonline.com/…/v2.0".
  const named = (values['oidc-issuer']?.length ? values['oidc-issuer'] : list(process.env.COPLAN_OIDC_ISSUERS)).map((raw) => /^([^=]+?)=(https?:\/\/.+)$/.exec(raw) ?? [raw, null, raw]);
  const issuers = named.map((m) => m[2]!);
  const names = Object.fromEntries(named.filter((m) => m[1]).map((m) => [m[2]!, m[1]!.trim()]));
  const clientId = values['oidc-client-id'] ?? process.env.COPLAN_OIDC_CLIENT_ID;
  if (issuers.length && !clientId) fail('--oidc-issuer needs --oidc-client-id (the application id the sign-in is for).');
  if (issuers.length && !(values.secret ?? process.env.COPLAN_SECRET)) fail('sign-in (--oidc-issuer) needs --secret as well: the first owner of a plan gets their access from a token.');
  const here = dirname(fileURLToPath(import.meta.url));
  const relay = await startRelay({
    host: values.host ?? process.env.COPLAN_HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(values['data-dir'] ?? process.env.COPLAN_DATA_DIR ?? './data'),
    databaseUrl: values['database-url'] ?? process.env.COPLAN_DATABASE_URL,
    secret: values.secret ?? process.env.COPLAN_SECRET,
    demo: values.demo ?? process.env.COPLAN_DEMO === '1',
    publicUrl: values['public-url'] ?? process.env.COPLAN_PUBLIC_URL,
    ...(issuers.length
      ? {
          oidc: {
            issuers,
            names,
            clientId: clientId!,
            allowedTenants: list(values['oidc-allowed-tenants'] ?? process.env.COPLAN_OIDC_ALLOWED_TENANTS),
            allowedDomains: list(values['oidc-allowed-domains'] ?? process.env.COPLAN_OIDC_ALLOWED_DOMAINS).map((d) => d.toLowerCase()),
          },
        }
      : {}),
    staticDir: resolve(values.static ?? process.env.COPLAN_STATIC ?? join(here, '../../app/dist')),
    maxMessageBytes: limit('max-message-bytes', 'COPLAN_MAX_MESSAGE_BYTES'),
    messagesPerSecond: limit('messages-per-second', 'COPLAN_MESSAGES_PER_SECOND'),
    maxConnectionsPerRoom: limit('max-connections-per-room', 'COPLAN_MAX_CONNECTIONS_PER_ROOM'),
    maxItemsPerUpdate: limit('max-items-per-update', 'COPLAN_MAX_ITEMS_PER_UPDATE'),
    maxNestingDepth: limit('max-nesting-depth', 'COPLAN_MAX_NESTING_DEPTH'),
    maxPresenceBytes: limit('max-presence-bytes', 'COPLAN_MAX_PRESENCE_BYTES'),
    maxBufferedBytes: limit('max-buffered-bytes', 'COPLAN_MAX_BUFFERED_BYTES'),
  });
  // Tests and scripts read this line to find the port.
  process.stdout.write(`Coplan relay listening on ${relay.url}\n`);
  process.stdout.write(`Open ${relay.url}/ in a browser${values.demo ? ' to see the demo plan' : ''}.\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: saving plans and closing connections…\n`);
    relay.close().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`ERROR while closing: ${e}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`coplan-server: ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
