import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel } from '../channels/index.ts';
import { loadConfig, newSecret } from '../kernel/index.ts';
import { createRelais, defaultConsoleDir, type Relais } from '../main.ts';
import { DEFAULT_DEMO_DIR, freshDemoDir, namedDemoDir } from './data-dir.ts';
import { demoDay } from './day.ts';
import { playDay } from './play-day.ts';
import { addDemoShopSetup, demoX } from '../../sandbox/demo-shop.ts';
import { connectDemoShops, connectSiteChat, playShopDay, shopDay } from './shop-day.ts';
import { scheduleDemoPosts } from './plans.ts';
import { seedShop, shop } from './shop.ts';
import { watchSandbox } from './watch-sandbox.ts';
import { createDemoWorkspace, DEMO_EMAIL, teamEmails } from './workspace.ts';

export interface DemoOptions {
  /** Relais's port (default 3000; 0 picks a free one). */
  port?: number;
  /** The simulator's port (default 0: a free one). */
  sandboxPort?: number;
  /**
   * A folder the user named: used if absent or empty, never wiped (the demo refuses a
   * non-empty one). Without it the demo resets `./data-demo` at each start.
   */
  dataDir?: string;
  /** 1 plays the day in about four minutes; 60 in four seconds. */
  speed?: number;
  /** Stops the demo, as SIGINT and SIGTERM do. */
  signal?: AbortSignal;
  print?: (line: string) => void;
}

export interface Demo {
  /** Relais's base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  relais: Relais;
  sandbox: Sandbox;
  workspaceId: string;
  /** The owner's sign-in; the teammates share the password. */
  credentials: { email: string; password: string };
  /** Settles when the day has been played (or the demo stopped). */
  played: Promise<void>;
  /** Settles once the demo has stopped and released its ports. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * `relais demo`: Relais on SQLite in a fresh data dir with the platform sandbox in the same
 * process, the "Maison Lune" workspace connected to the sandbox's Page, X account, shops and
 * shop site (its page embeds the site chat), then a scripted day of customers writing in.
 * Resolves once everything listens; runs until stopped.
 *
 * @example const demo = await runDemo({ port: 3000 }); await demo.done;
 */
export async function runDemo(options: DemoOptions = {}): Promise<Demo> {
  const print = options.print ?? ((line: string) => console.log(line));
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new Error(`speed must be a positive number, not ${speed}`);
  const named = options.dataDir !== undefined;
  const dataDir = named ? namedDemoDir(options.dataDir!) : freshDemoDir(DEFAULT_DEMO_DIR);
  // The demo's platform is the sandbox on 127.0.0.1: the outbound guard must let Relais reach
  // it. Production never sets this (docs/adr/0012-outbound-guard-throttles-leases.md).
  process.env.RELAIS_ALLOW_PRIVATE_API_BASE = '1';
  // Only the two in-process servers need to agree on it.
  const appSecret = newSecret(24);
  const xSecret = newSecret(24);
  const shopifySecret = newSecret(24);
  const relais = await createRelais(loadConfig({
    RELAIS_X_CONSUMER_SECRET: xSecret, RELAIS_SHOPIFY_APP_SECRET: shopifySecret,
    PORT: String(options.port ?? 3000), HOST: '127.0.0.1', RELAIS_DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    RELAIS_META_APP_SECRET: appSecret, RELAIS_META_VERIFY_TOKEN: 'maison-lune-demo',
  }));
  let sandbox: Sandbox | undefined;
  try {
    const url = await relais.listen();
    sandbox = await startSandbox({ port: options.sandboxPort ?? 0, relaisUrl: url, meta: { appSecret, verifyToken: 'maison-lune-demo' }, x: { consumerSecret: xSecret }, shopify: { appSecret: shopifySecret } });
    seedShop(sandbox.meta);
    addDemoShopSetup(sandbox);
    const password = readablePassword();
    const workspace = await createDemoWorkspace(relais, password);
    const spec = await relais.channels.require('meta').connect({
      'page-id': shop.page.id, 'page-token': shop.page.accessToken, 'instagram-id': shop.page.instagramId, 'api-base': sandbox.meta.graphUrl,
    });
    const metaChannel = await addChannel({ db: relais.store.db, clock: relais.inbox.clock, sealer: relais.inbox.sealer }, { workspaceId: workspace.workspaceId, kind: 'meta', ...spec });
    const handshake = await sandbox.meta.verifyCallback();
    if (!handshake.ok) print(`⚠ The webhook handshake failed (HTTP ${handshake.status}); webhooks may not arrive.`);
    const shopChannels = await connectDemoShops(relais, sandbox, workspace.workspaceId, url);
    await connectSiteChat(relais, sandbox, workspace.workspaceId, url);
    const posts = await scheduleDemoPosts(relais, workspace.workspaceId, workspace.team.sarah.id, { meta: metaChannel, x: shopChannels.x });

    const minutes = Math.max(1, Math.round(demoDay.reduce((sum, step) => sum + step.after, 0) / speed / 60));
    for (const line of [
      'Relais demo: Maison Lune, a French fashion shop',
      `  Console    ${url.replace('127.0.0.1', 'localhost')}`,
      `  Sign in    ${DEMO_EMAIL}  password ${password}`,
      `  Teammates  ${teamEmails.join(', ')}; same password`,
      `  Channels   Facebook, Instagram, Messenger, X @${demoX.account.screenName}, the site chat, the Shopify shop and the WooCommerce workshop site`,
      `  Shop page  ${sandbox.site.pageUrl} (the shop's site with its chat bubble: write as a visitor)`,
      `  Planned    posts scheduled by Sarah: ${posts.join('; ')}; a jeu-concours opens on the Page during the day`,
      `  Sandbox    ${sandbox.url}/_sandbox/<meta|x|shopify|woocommerce|site>/log shows what each platform received`,
      `  Data       ${dataDir} ${named ? '(your folder: kept as it is, never wiped by the demo)' : `(the default ${DEFAULT_DEMO_DIR}: reset at each demo start; --data-dir or RELAIS_DATA_DIR names one the demo never wipes)`}`,
      ...(existsSync(join(defaultConsoleDir, 'index.html')) ? [] : ['⚠ The console is not built: run `npm run build:console`, then reload.']),
      `Playing a day of messages (speed ×${speed}, about ${minutes} min). Answer in the console; Ctrl+C stops the demo.`,
    ]) print(line);

    const running = new AbortController();
    const unwatch = watchSandbox(sandbox.meta, print);
    const played = Promise.all([
      playDay({ relais, meta: sandbox.meta, workspace, speed, signal: running.signal, print }, demoDay),
      playShopDay({ sandbox, relais, workspaceId: workspace.workspaceId }, shopDay, { speed, signal: running.signal, print }),
    ]).then(() => { if (!running.signal.aborted) print('■ The day is over. Relais keeps running: answer in the console, Ctrl+C to stop.'); });
    const started = sandbox;
    let markDone!: () => void;
    const done = new Promise<void>((resolve) => { markDone = resolve; });
    let stopping: Promise<void> | undefined;
    const onSignal = () => void stop();
    const stop = () => {
      stopping ??= (async () => {
        running.abort();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        options.signal?.removeEventListener('abort', onSignal);
        try {
          await played;
          unwatch();
          await started.close();
        } finally {
          await relais.close().finally(markDone);
        }
      })();
      return stopping;
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    if (options.signal?.aborted) void stop();
    else options.signal?.addEventListener('abort', onSignal, { once: true });
    return { url, relais, sandbox, workspaceId: workspace.workspaceId, credentials: { email: DEMO_EMAIL, password }, played, done, stop };
  } catch (error) {
    await sandbox?.close();
    await relais.close();
    throw error;
  }
}

/** Easy to type from the terminal: `lune-` and three groups of four unambiguous characters. */
function readablePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `lune-${group()}-${group()}-${group()}`;
}
