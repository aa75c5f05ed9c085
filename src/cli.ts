/**
 * The `relais` command line. Every command reads the same environment as the server
 * (DATABASE_URL, RELAIS_DATA_DIR, …) and works without prompts, for scripts and CI.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createApiToken, createDatabaseThrottle, roles, setupFirstOwner, type AccountsDeps } from './accounts/index.ts';
import { addChannel, createChannelRegistry } from './channels/index.ts';
import { connectShop, shopAdapters } from './commerce/index.ts';
import { ConfigError, createSealer, isAppError, loadConfig, parseInput, systemClock, type Config } from './kernel/index.ts';
import { isDatabaseUnavailable, openStore, type Store } from './store/index.ts';
import { channelProviders, createRelais, defaultConsoleDir, type ProcessRole } from './main.ts';

const usage = `Usage: relais <command> [options]

  start                 HTTP, workers and realtime in one process (the default)
  serve                 HTTP and realtime only
  worker                background jobs only
  migrate               bring the database schema up to date
  setup --workspace NAME --email E --password P [--name N] [--locale fr|en]
                        create the first workspace and its owner
  token create --workspace W --name N [--role admin] [--scope read|write|admin] [--expires-in-days D]
                        print a new API token for workspace W (its id or name)
  channel add meta --workspace W --page-id P --page-token T [--instagram-id I] [--api-base URL]
                        connect a Facebook Page (and its Instagram account); prints the channel id
  channel add x --workspace W --account-id A --access-token T [--api-base URL]
                        connect an X account (user-context token); prints the channel id
  channel add webchat --workspace W --allowed-origin URL[,URL…] [--name N]
                        add a site chat for the shop at URL; prints the channel id for the embed snippet
  channel add shopify --workspace W --shop-domain D --access-token T [--api-base URL]
                        connect a Shopify shop (webhooks to /hooks/shopify); prints the channel id
  channel add woocommerce --workspace W --site-url U --consumer-key K --consumer-secret S --webhook-secret WS [--api-base URL]
                        connect a WooCommerce shop (webhooks to /hooks/woocommerce/<channel id>)
  demo [--port 3000] [--speed 1] [--data-dir DIR] [--sandbox-port P]
                        Relais with the sandbox and a demo shop ("Maison Lune") living a day;
                        resets ./data-demo, never a DIR you name (or RELAIS_DATA_DIR)
  sandbox --port P --relais URL [--meta-app-secret S --meta-verify-token T] [--x-consumer-secret S] [--shopify-app-secret S]
                        run the platform simulator (Meta, X, Shopify, WooCommerce, shop site) against a Relais,
                        seeded with the demo shop and driven by /_sandbox/<platform>/<action>
  contest verify --entries entries.csv --seed SEED --commitment HASH --winners N [--alternates M]
                        re-run a contest's draw from its proof (docs/contests.md) and print the winners

Environment: PORT, HOST, RELAIS_DATA_DIR, DATABASE_URL, REDIS_URL, RELAIS_SECRET_KEY,
RELAIS_PUBLIC_URL, LOG_LEVEL, RELAIS_SANDBOX_PORT (demo) (see README.md).`;

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  switch (command) {
    case 'start':
    case 'serve':
    case 'worker':
      return run(command === 'start' ? 'all' : command);
    case 'migrate':
      return withStore(async (store) => {
        const { applied } = await store.migrate();
        console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
      });
    case 'setup':
      return setup(rest);
    case 'token':
      return token(rest);
    case 'channel':
      return channel(rest);
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'sandbox-port': { type: 'string' }, speed: { type: 'string' } } });
      const { demoPlaces, runDemo } = await import('./demo/index.ts');
      const places = demoPlaces(values);
      buildConsoleIfMissing();
      const demo = await runDemo({
        port: Number(values.port ?? process.env.PORT ?? 3000),
        sandboxPort: places.sandboxPort,
        ...(places.dataDir ? { dataDir: places.dataDir } : {}),
        ...(values.speed ? { speed: Number(values.speed) } : {}),
      });
      await demo.done;
      return 0;
    }
    case 'sandbox': {
      // The platform simulator is a test and demo tool: loaded only when asked for.
      const { runSandboxCli } = await import('../sandbox/index.ts');
      await runSandboxCli(rest);
      return 0;
    }
    case 'contest': {
      const { runContestCli } = await import('./contests/index.ts');
      return runContestCli(rest);
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

async function run(role: ProcessRole): Promise<number> {
  const config = loadConfig();
  if (role !== 'worker') buildConsoleIfMissing();
  const relais = await createRelais(config, { role, processing: 'thread' });
  // A database restart can surface as an error nobody awaits (pg-boss completing a job on a
  // dead connection, a client cut mid-handshake). Those are outages the next query survives:
  // logged, not fatal. Anything else still stops the process, as Node would.
  const fatalUnlessOutage = (error: unknown) => {
    if (isDatabaseUnavailable(error)) return relais.logger.warn({ err: error }, 'database connection lost; carrying on');
    relais.logger.fatal({ err: error }, 'uncaught error');
    process.exit(1);
  };
  process.on('unhandledRejection', fatalUnlessOutage);
  process.on('uncaughtException', fatalUnlessOutage);
  const url = await relais.listen();
  relais.logger.info({ url: url || undefined, role, database: config.database.kind, queue: relais.queue.driver }, 'Relais is running');
  if (url) console.log(`Relais is running at ${url.replace('127.0.0.1', 'localhost')} (${config.database.kind === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'})`);
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    relais.logger.info({ signal }, 'shutting down');
    await relais.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return new Promise<number>(() => {});
}

/** `npm install` builds the console; a checkout started another way builds it once here. */
function buildConsoleIfMissing(): void {
  buildWidgetIfMissing();
  if (existsSync(join(defaultConsoleDir, 'index.html'))) return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (!existsSync(join(root, 'node_modules', 'vite'))) return;
  console.log('Building the console (first start)…');
  spawnSync(process.execPath, [join(root, 'scripts', 'build-console.mjs')], { cwd: root, stdio: 'inherit' });
}

/** The site-chat widget, likewise (`scripts/build-widget.mjs`, esbuild from tsx). */
function buildWidgetIfMissing(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (existsSync(join(root, 'web', 'widget', 'dist', 'widget.js')) || !existsSync(join(root, 'node_modules', 'esbuild'))) return;
  spawnSync(process.execPath, [join(root, 'scripts', 'build-widget.mjs')], { cwd: root, stdio: 'inherit' });
}

async function withStore(work: (store: Store, config: Config) => Promise<void>): Promise<number> {
  const config = loadConfig();
  const store = openStore(config.database);
  try {
    await store.migrate();
    await work(store, config);
    return 0;
  } finally {
    await store.close();
  }
}

function accountsFor(store: Store, config: Config): AccountsDeps {
  return {
    db: store.db,
    clock: systemClock,
    throttle: createDatabaseThrottle({ db: store.db, clock: systemClock }),
    settings: { publicUrl: config.publicUrl, session: config.session, signIn: config.signIn },
  };
}

const setupFlags = z.object({
  workspace: z.string().trim().min(1).max(120),
  email: z.email(),
  password: z.string().min(10, 'At least 10 characters').max(256),
  name: z.string().trim().min(1).max(120).optional(),
  locale: z.enum(['fr', 'en']).default('fr'),
});

async function setup(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } } });
  const flags = parseInput(setupFlags, values);
  return withStore(async (store, config) => {
    const result = await setupFirstOwner(accountsFor(store, config), {
      workspaceName: flags.workspace, email: flags.email, password: flags.password, locale: flags.locale,
      name: flags.name ?? flags.email.split('@')[0]!,
    });
    console.log(`Workspace "${flags.workspace}" created (${result.workspaceId}); owner ${flags.email}. Sign in at ${config.publicUrl}`);
  });
}

async function findWorkspace(store: Store, nameOrId: string): Promise<string> {
  const matches = await store.db.selectFrom('workspaces').select('id')
    .where((eb) => eb.or([eb('id', '=', nameOrId), eb('name', '=', nameOrId)])).execute();
  if (matches.length !== 1) {
    throw new ConfigError(matches.length === 0 ? `No workspace "${nameOrId}"` : `Several workspaces are named "${nameOrId}"; pass its id`);
  }
  return matches[0]!.id;
}

async function channel(args: string[]): Promise<number> {
  const [action, kind, ...rest] = args;
  const provider = kind ? createChannelRegistry(channelProviders).get(kind) : undefined;
  if (action === 'add' && kind && shopAdapters.has(kind)) return addShop(kind, rest);
  if (action !== 'add' || !provider) {
    console.error('Usage: relais channel add <meta|x|webchat|shopify|woocommerce> --workspace W … (see relais help)');
    return 2;
  }
  const { workspace, ...providerFlags } = providerFlagValues(rest);
  if (!workspace) throw new ConfigError('--workspace is required');
  return withStore(async (store, config) => {
    const workspaceId = await findWorkspace(store, workspace);
    const spec = await provider.connect(providerFlags);
    const id = await addChannel({ db: store.db, clock: systemClock, sealer: createSealer(config.secretKey) }, { workspaceId, kind: provider.provider, ...spec });
    console.log(id);
  });
}

/**
 * `--name value` and `--name=value` pairs; each provider names its own flags. (parseArgs with
 * `strict: false` reads an undeclared `--name value` as a boolean and drops the value.)
 */
function providerFlagValues(args: string[]): Record<string, string | undefined> {
  const flags: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 2) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags[arg.slice(2)] = args[++i];
  }
  return flags;
}

const shopFlags = ['workspace', 'shop-domain', 'access-token', 'site-url', 'consumer-key', 'consumer-secret', 'webhook-secret', 'api-base'] as const;

async function addShop(kind: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: Object.fromEntries(shopFlags.map((flag) => [flag, { type: 'string' as const }])) });
  const { workspace, ...flags } = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
  if (!workspace) throw new ConfigError('--workspace is required');
  return withStore(async (store, config) => {
    const workspaceId = await findWorkspace(store, workspace);
    console.log(await connectShop({ db: store.db, clock: systemClock, sealer: createSealer(config.secretKey) }, shopAdapters, workspaceId, kind, flags));
  });
}

const tokenFlags = z.object({
  workspace: z.string().min(1), name: z.string().trim().min(1).max(120), role: z.enum(roles).default('admin'),
  scope: z.enum(['read', 'write', 'admin']).default('admin'), 'expires-in-days': z.coerce.number().int().min(1).max(3650).optional(),
});

async function token(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'create') {
    console.error(`Usage: relais token create --workspace W --name N [--role ${roles.join('|')}] [--scope read|write|admin] [--expires-in-days D]`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { workspace: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, scope: { type: 'string' }, 'expires-in-days': { type: 'string' } } });
  const flags = parseInput(tokenFlags, values);
  return withStore(async (store, config) => {
    const workspaceId = await findWorkspace(store, flags.workspace);
    const days = flags['expires-in-days'];
    const expiresAt = days === undefined ? null : Date.now() + days * 24 * 60 * 60_000;
    const { secret } = await createApiToken(accountsFor(store, config), null, { workspaceId, name: flags.name, role: flags.role, scope: flags.scope, expiresAt });
    console.log(secret);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (isAppError(error)) console.error(`${error.message}${error.fields ? `\n${Object.entries(error.fields).map(([k, v]) => `  --${k}: ${v.join(', ')}`).join('\n')}` : ''}`);
    // The operator at the server's console may read what a platform answered; the HTTP API never repeats it.
    if (isAppError(error) && error.cause !== undefined) console.error(`  detail: ${error.cause instanceof Error ? error.cause.message : JSON.stringify(error.cause).slice(0, 500)}`);
    else console.error(error);
    process.exit(1);
  },
);
