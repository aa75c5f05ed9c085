/**
 * The demo shop beyond its Meta Page: the X account, the Shopify shop, the WooCommerce
 * workshop site and the site chat connected in Relais, then their day: orders placed before
 * it (#4512 is the one Camille has not received), Léa's cart left two hours before, which
 * Relais recovers on Instagram and she orders, Emma's open cart and her question on the site
 * chat, X mentions and DMs, the jeu-concours Sarah opens. Customers act on the sandbox (signed
 * webhooks; the widget API for the site chat); teammates act through Relais's use-cases.
 */
import type { Sandbox } from '../../sandbox/index.ts';
import { demoShopify, demoWoo, demoX, shopifyCarts, shopifyOrdersBefore, wooOrdersBefore } from '../../sandbox/demo-shop.ts';
import { addChannel } from '../channels/index.ts';
import { connectShop, linkShopCustomer, RECOVER_QUEUE, shopAdapters } from '../commerce/index.ts';
import type { Relais } from '../main.ts';
import { openDemoContest } from './plans.ts';
import { shop } from './shop.ts';

export interface ShopChannels {
  x: string;
  shopify: string;
  woocommerce: string;
}

/** Connects the X account and both shops to the workspace, as `relais channel add` would. */
export async function connectDemoShops(relais: Relais, sandbox: Sandbox, workspaceId: string, relaisUrl: string): Promise<ShopChannels> {
  const deps = { db: relais.store.db, clock: relais.inbox.clock, sealer: relais.inbox.sealer };
  const xSpec = await relais.channels.require('x').connect({ 'account-id': demoX.account.id, 'access-token': demoX.account.accessToken, 'api-base': sandbox.x.apiBase });
  const x = await addChannel(deps, { workspaceId, kind: 'x', ...xSpec });
  const shopify = await connectShop(deps, shopAdapters, workspaceId, 'shopify', {
    'shop-domain': demoShopify.shop.domain, 'access-token': demoShopify.shop.accessToken, 'api-base': sandbox.shopify.apiBase,
  });
  const woocommerce = await connectShop(deps, shopAdapters, workspaceId, 'woocommerce', {
    'site-url': demoWoo.store.siteUrl, 'consumer-key': demoWoo.store.consumerKey, 'consumer-secret': demoWoo.store.consumerSecret,
    'webhook-secret': demoWoo.store.webhookSecret, 'api-base': sandbox.woo.apiBase,
  });
  // The shop admin types Relais's delivery URL into WooCommerce's webhook settings.
  sandbox.woo.setDeliveryUrl(`${relaisUrl}/hooks/woocommerce/${woocommerce}`, demoWoo.store.siteUrl);
  return { x, shopify, woocommerce };
}

/**
 * The site chat of the shop's page (served by the sandbox at `/shop`), allowed on the
 * sandbox's origin under both names a browser may use; the page signs its known customers.
 */
export async function connectSiteChat(relais: Relais, sandbox: Sandbox, workspaceId: string, relaisUrl: string): Promise<string> {
  const deps = { db: relais.store.db, clock: relais.inbox.clock, sealer: relais.inbox.sealer };
  const origin = new URL(sandbox.url);
  const spec = await relais.channels.require('webchat').connect({ 'allowed-origin': `${origin.origin},http://localhost:${origin.port}`, name: 'Site maisonlune.fr' });
  const channelId = await addChannel(deps, { workspaceId, kind: 'webchat', ...spec });
  const identifySecret = spec.credentials.identifySecret;
  sandbox.site.setChat({ relaisUrl, channelId, ...(identifySecret ? { identifySecret } : {}) });
  return channelId;
}

export interface ShopContext {
  sandbox: Sandbox;
  relais: Relais;
  workspaceId: string;
  /** Aborts the waits when the demo stops. */
  signal?: AbortSignal;
}

export interface ShopStep {
  /** Seconds after the previous shop step, at speed 1. */
  after: number;
  run(ctx: ShopContext): Promise<string>;
}

/** The contact Relais made for a Meta customer (one id serves Messenger, Instagram and comments). */
async function metaContact({ relais, workspaceId }: ShopContext, metaId: string): Promise<string | undefined> {
  const row = await relais.store.db.selectFrom('identities').select('contact_id').where('workspace_id', '=', workspaceId).where('external_id', '=', metaId).executeTakeFirst();
  return row?.contact_id;
}

/**
 * Waits (in real time, whatever the speed) for what an earlier step set going: a webhook is
 * processed by a job, so a customer's message or order reaches the inbox a moment later.
 */
async function eventually<T>(ctx: ShopContext, what: string, look: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (ctx.signal?.aborted || Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(100, ctx.signal ?? new AbortController().signal);
  }
}

const delivered = (status: number | undefined) => (status === 200 ? '' : `  (Relais answered ${status ?? 'nothing'})`);
const viaSite = (status: number) => (status === 202 ? '' : `  (Relais answered ${status})`);

/** Léa's recovery message, as Instagram delivered it to her (the sandbox's record), and its code. */
function leaRecovery(sandbox: Sandbox): { text: string; code: string | null } | undefined {
  const message = sandbox.meta.sent.find((sent) => sent.recipientId === shop.customers.lea.id && sent.text?.includes('/recover'));
  return message?.text ? { text: message.text, code: /RELAIS-[A-Z0-9]+/.exec(message.text)?.[0] ?? null } : undefined;
}

/** The shop's side of the day, played beside the Meta one. */
export const shopDay: ShopStep[] = [
  {
    after: 0,
    async run({ sandbox }) {
      for (const customer of Object.values(demoShopify.customers)) await sandbox.shopify.createCustomer(customer);
      const numbers: string[] = [];
      for (const { number, ...order } of shopifyOrdersBefore) {
        sandbox.shopify.shop(demoShopify.shop.domain).nextOrderNumber = number;
        const { resource } = await sandbox.shopify.createOrder(order);
        numbers.push(String(resource.name));
      }
      for (const order of wooOrdersBefore) await sandbox.woo.createOrder(order);
      return `▶ Shopify: orders ${numbers.join(', ')} placed before the day; WooCommerce: ${wooOrdersBefore.length} workshop orders`;
    },
  },
  {
    after: 12,
    async run(ctx) {
      // What an agent does from the contact panel: Léa on Instagram is Léa the shop's customer.
      const lea = await eventually(ctx, 'Léa’s Instagram message', () => metaContact(ctx, shop.customers.lea.id));
      const customer = await eventually(ctx, 'Léa’s shop account', () => ctx.relais.store.db.selectFrom('shop_customers').select('id')
        .where('workspace_id', '=', ctx.workspaceId).where('email', '=', demoShopify.customers.lea.email).executeTakeFirst());
      await linkShopCustomer(ctx.relais.store.db, ctx.workspaceId, lea, { shopCustomerId: customer.id }, ctx.relais.inbox.clock.now());
      return '▶ Sarah links Léa (Instagram) to her account at the Shopify shop';
    },
  },
  {
    after: 2,
    async run({ sandbox }) {
      const { delivery } = await sandbox.shopify.createCheckout(shopifyCarts.lea);
      return `▶ Shopify: Léa’s cart reaches Relais: the robe Céleste, left ${shopifyCarts.lea.startedMinutesAgo / 60} h ago without ordering${delivered(delivery.status)}`;
    },
  },
  {
    after: 3,
    async run(ctx) {
      // Relais's recovery job runs every minute; the demo, which plays hours in minutes, runs
      // this round now. The cart waited past the shop's hour: Relais writes to Léa on Instagram.
      await ctx.relais.queue.enqueue(RECOVER_QUEUE, {});
      const recovery = await eventually(ctx, 'the cart recovery message', () => leaRecovery(ctx.sandbox), 20_000);
      return `✉ Relais recovers Léa’s cart on Instagram, with her link${recovery.code ? ` and the code ${recovery.code}` : ''}`;
    },
  },
  {
    after: 10,
    async run({ sandbox }) {
      const { delivery } = await sandbox.shopify.createCheckout(shopifyCarts.emma);
      return `▶ Shopify: Emma leaves two pairs of créoles in her cart${delivered(delivery.status)}`;
    },
  },
  {
    after: 5,
    async run(ctx) {
      const sarah = await ctx.relais.store.db.selectFrom('users').select('id').where('email', '=', 'sarah@maison-lune.fr').executeTakeFirstOrThrow();
      const contest = await eventually(ctx, 'the first comment on the contest post', () => openDemoContest(ctx.relais, ctx.workspaceId, sarah.id));
      return `🎁 Sarah opens the jeu-concours on the Page's contest post (one robe Céleste, drawn in 5 days): ${contest.entries} ${contest.entries === 1 ? 'entry' : 'entries'} so far, ${contest.eligible} eligible`;
    },
  },
  {
    after: 5,
    async run({ sandbox }) {
      const { status } = await sandbox.x.mention({ from: demoX.users.camille.id, text: 'Toujours rien pour ma commande 4512… quelqu’un peut m’aider ?' });
      return `▶ X mention from Camille: Toujours rien pour ma commande 4512…${delivered(status)}`;
    },
  },
  {
    after: 10,
    async run({ sandbox }) {
      // Emma is signed in on the shop's site: its page signs who she is, so Relais knows her.
      const { firstName, lastName, email } = demoShopify.customers.emma;
      const text = 'Bonjour ! J’ai deux paires de créoles Lune dans mon panier : la livraison est offerte à partir de combien ?';
      const sent = await sandbox.site.visitorMessage({ visitor: 'emma', identity: { email, name: `${firstName} ${lastName}` }, text });
      return `▶ Site chat from Emma (signed in on the shop: ${sent.identified ?? 'not identified'}): ${text}${viaSite(sent.status)}`;
    },
  },
  {
    after: 15,
    async run({ sandbox }) {
      const { status } = await sandbox.x.dm({ from: demoX.users.theo.id, text: 'Bonjour ! Vous livrez en Suisse ? Et en combien de temps ?' });
      return `▶ X DM from Théo: Vous livrez en Suisse ?${delivered(status)}`;
    },
  },
  {
    after: 10,
    async run({ sandbox }) {
      const text = 'Bonsoir, vous avez une boutique à Paris où essayer les robes ?';
      const sent = await sandbox.site.visitorMessage({ visitor: 'passer-by', text });
      return `▶ Site chat from a visitor of the shop page: ${text}${viaSite(sent.status)}`;
    },
  },
  {
    after: 15,
    async run(ctx) {
      // What an agent does from the suggestion « commande 4512 » in Camille's message.
      const contact = await eventually(ctx, 'Camille’s message', () => metaContact(ctx, shop.customers.camille.id));
      const order = await eventually(ctx, 'order #4512 in Relais', () => ctx.relais.store.db.selectFrom('orders').select('id')
        .where('workspace_id', '=', ctx.workspaceId).where('number', '=', '#4512').executeTakeFirst());
      await linkShopCustomer(ctx.relais.store.db, ctx.workspaceId, contact, { orderId: order.id }, ctx.relais.inbox.clock.now());
      return '▶ Sarah links Camille to her order #4512 (from « commande 4512 » in her message)';
    },
  },
  {
    // At speed 1, just after Léa's « je commande ce soir » on Instagram.
    after: 145,
    async run({ sandbox }) {
      const { customer, lineItems, token } = shopifyCarts.lea;
      const code = leaRecovery(sandbox)?.code;
      const { resource, delivery } = await sandbox.shopify.createOrder({
        customer, lineItems, checkoutToken: token, discountCodes: code ? [code] : [], landingSite: '/products/robe-celeste?utm_source=instagram&utm_medium=social&utm_campaign=relais',
      });
      return `▶ Shopify: Léa comes back and orders her cart (${String(resource.name)}${code ? `, code ${code}` : ''}): a recovered cart${delivered(delivery.status)}`;
    },
  },
  {
    after: 2,
    async run({ sandbox }) {
      const { delivery } = await sandbox.woo.createOrder({ billing: { email: 'ines.haddad@example.fr', firstName: 'Inès', lastName: 'Haddad' }, lineItems: [{ name: 'Atelier bijoux : créoles à façonner (samedi)', price: '65.00' }] });
      return `▶ WooCommerce: Inès books a workshop${delivered(delivery.status)}`;
    },
  },
  {
    after: 2,
    async run({ sandbox }) {
      const order = [...sandbox.shopify.shop(demoShopify.shop.domain).orders.values()].find((o) => o.name === '#4512');
      if (!order) throw new Error('order #4512 is missing');
      const { delivery } = await sandbox.shopify.updateOrder(order.id as number, { fulfill: { trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' } });
      return `▶ Shopify: order #4512 ships at last (Colissimo)${delivered(delivery.status)}`;
    },
  },
];

/** Plays the shop steps; a failed step is reported and skipped, as in the Meta day. */
export async function playShopDay(ctx: ShopContext, steps: ShopStep[], options: { speed: number; signal: AbortSignal; print(line: string): void }): Promise<void> {
  for (const step of steps) {
    await sleep((step.after * 1000) / options.speed, options.signal);
    if (options.signal.aborted) return;
    try {
      const line = await step.run({ ...ctx, signal: options.signal });
      if (!options.signal.aborted) options.print(line);
    } catch (error) {
      if (!options.signal.aborted) options.print(`⚠ shop step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
