/**
 * `relais sandbox --port P --relais URL [--meta-app-secret S --meta-verify-token T]
 * [--x-consumer-secret S] [--shopify-app-secret S]`: the
 * simulator as its own process, every platform (Meta, X, Shopify, WooCommerce) seeded with the
 * demo shop and driven by the same control API, `/_sandbox/<platform>/<action>`.
 */
import { parseArgs } from 'node:util';
import { demoShopify, demoWoo, demoX, seedDemoShop } from './demo-shop.ts';
import { seedMetaDemo } from './meta/seed-demo.ts';
import { startSandbox } from './start-sandbox.ts';

export interface SandboxCliIo {
  print?: (line: string) => void;
  /** Stops the sandbox (besides SIGINT and SIGTERM). */
  signal?: AbortSignal;
}

// Meta retries "immediately, then a few more times with decreasing frequency" (PLATFORMS §1.3).
const demoRetrySchedule = [0, 10_000, 60_000, 300_000, 1_800_000];

/** Starts the sandbox and resolves once it has been stopped. */
export async function runSandboxCli(argv: string[], io: SandboxCliIo = {}): Promise<void> {
  const print = io.print ?? ((line: string) => console.log(line));
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, relais: { type: 'string' },
      'meta-app-secret': { type: 'string' }, 'meta-verify-token': { type: 'string' }, 'meta-app-id': { type: 'string' },
      'x-consumer-secret': { type: 'string' }, 'shopify-app-secret': { type: 'string' },
    },
  });
  const port = Number(values.port ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const relaisUrl = values.relais ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const sandbox = await startSandbox({
    port, host: values.host, relaisUrl,
    meta: {
      appSecret: values['meta-app-secret'] ?? process.env.RELAIS_META_APP_SECRET ?? 'sandbox-app-secret',
      verifyToken: values['meta-verify-token'] ?? process.env.RELAIS_META_VERIFY_TOKEN ?? 'sandbox-verify-token',
      appId: values['meta-app-id'], retrySchedule: demoRetrySchedule,
    },
    x: { consumerSecret: values['x-consumer-secret'] ?? process.env.RELAIS_X_CONSUMER_SECRET ?? 'sandbox-consumer-secret' },
    shopify: { appSecret: values['shopify-app-secret'] ?? process.env.RELAIS_SHOPIFY_APP_SECRET ?? 'sandbox-shopify-secret' },
  });
  const { meta } = sandbox;
  const demo = seedMetaDemo(meta);
  seedDemoShop(sandbox);
  const { x, shopify, woo } = sandbox;
  for (const line of [
    `Relais sandbox running at ${sandbox.url}`,
    `  Meta Graph API base  ${meta.graphUrl}`,
    `  Webhooks to          ${meta.webhookUrl}`,
    `  App                  id ${meta.appId}, secret ${meta.appSecret}, verify token ${meta.verifyToken}`,
    `  Page                 ${demo.page.name}: id ${demo.page.id}, token ${demo.page.accessToken}`,
    `  Instagram            @${demo.page.instagramUsername}: id ${demo.page.instagramId}`,
    `  Customers            ${demo.camille.name} ${demo.camille.id}, ${demo.lea.name} (@${demo.lea.username}) ${demo.lea.id}`,
    `  Post                 ${demo.post.id}`,
    `  Instagram media      ${demo.media.id}`,
    `X API base             ${x.apiBase}  (webhooks to ${x.webhookUrl ?? '<relais>/hooks/x'}, consumer secret ${x.consumerSecret})`,
    `  Account              @${demoX.account.screenName}: id ${demoX.account.id}, token ${demoX.account.accessToken}`,
    `  Customers            ${Object.values(demoX.users).map((u) => `@${u.screenName} ${u.id}`).join(', ')}`,
    `Shopify API base       ${shopify.apiBase}  (webhooks to <relais>/hooks/shopify, app secret ${shopify.appSecret})`,
    `  Shop                 ${demoShopify.shop.domain}, token ${demoShopify.shop.accessToken}: orders #4512–#4514, one open cart`,
    `WooCommerce API base   ${woo.apiBase}  (webhooks once setDeliveryUrl is called)`,
    `  Store                ${demoWoo.store.siteUrl}: key ${demoWoo.store.consumerKey}, secret ${demoWoo.store.consumerSecret}, webhook secret ${demoWoo.store.webhookSecret}`,
    `Shop site              ${sandbox.site.pageUrl}  (embeds a site chat once POST /_sandbox/site/setChat names it: {"relaisUrl","channelId"})`,
    `Try: curl -X POST ${sandbox.url}/_sandbox/meta/comment -H 'content-type: application/json' \\`,
    `       -d '{"postId":"${demo.post.id}","from":"${demo.camille.id}","message":"Livrez-vous en Belgique ?"}'`,
    `     curl -X POST ${sandbox.url}/_sandbox/x/mention -H 'content-type: application/json' -d '{"from":"${demoX.users.camille.id}","text":"Ma commande 4512 ?"}'`,
    `     curl ${sandbox.url}/_sandbox/<meta|x|shopify|woocommerce|site>/log   (sandbox/README.md lists every action)`,
  ]) print(line);

  await stopped(io.signal);
  await sandbox.close();
}

function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}
