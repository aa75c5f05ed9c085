/**
 * The demo shop beyond its Meta Page: the X account, the Shopify shop and the WooCommerce
 * workshop site connected in Relais, then their day: orders placed before it (#4512 is the
 * one Camille has not received), carts, a cart that becomes an order, X mentions and DMs.
 * Everything reaches Relais as the platforms' signed webhooks, sent by the sandbox.
 */
import type { Sandbox } from '../../sandbox/index.ts';
import { demoShopify, demoWoo, demoX, shopifyCarts, shopifyOrdersBefore, wooOrdersBefore } from '../../sandbox/demo-shop.ts';
import { addChannel } from '../channels/index.ts';
import { connectShop, linkShopCustomer, shopAdapters } from '../commerce/index.ts';
import type { Relais } from '../main.ts';
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

export interface ShopContext {
  sandbox: Sandbox;
  relais: Relais;
  workspaceId: string;
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

const delivered = (status: number | undefined) => (status === 200 ? '' : `  (Relais answered ${status ?? 'nothing'})`);

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
    after: 15,
    async run({ sandbox }) {
      const { delivery } = await sandbox.shopify.createCheckout(shopifyCarts.lea);
      return `▶ Shopify: Léa leaves the robe Céleste in her cart${delivered(delivery.status)}`;
    },
  },
  {
    after: 10,
    async run({ sandbox }) {
      const { status } = await sandbox.x.mention({ from: demoX.users.camille.id, text: 'Toujours rien pour ma commande 4512… quelqu’un peut m’aider ?' });
      return `▶ X mention from Camille: Toujours rien pour ma commande 4512…${delivered(status)}`;
    },
  },
  {
    after: 15,
    async run({ sandbox }) {
      const { delivery } = await sandbox.shopify.createCheckout(shopifyCarts.emma);
      return `▶ Shopify: Emma leaves two pairs of créoles in her cart${delivered(delivery.status)}`;
    },
  },
  {
    after: 20,
    async run({ sandbox }) {
      const { status } = await sandbox.x.dm({ from: demoX.users.theo.id, text: 'Bonjour ! Vous livrez en Suisse ? Et en combien de temps ?' });
      return `▶ X DM from Théo: Vous livrez en Suisse ?${delivered(status)}`;
    },
  },
  {
    after: 20,
    async run(ctx) {
      // What an agent does from the suggestion « commande 4512 » in Camille's message.
      const contact = await metaContact(ctx, shop.customers.camille.id);
      const order = await ctx.relais.store.db.selectFrom('orders').select('id').where('workspace_id', '=', ctx.workspaceId).where('number', '=', '#4512').executeTakeFirst();
      if (!contact || !order) throw new Error('Camille or order #4512 is not in Relais yet');
      await linkShopCustomer(ctx.relais.store.db, ctx.workspaceId, contact, { orderId: order.id }, ctx.relais.inbox.clock.now());
      const lea = await metaContact(ctx, shop.customers.lea.id);
      const leaCustomer = await ctx.relais.store.db.selectFrom('shop_customers').select('id').where('workspace_id', '=', ctx.workspaceId).where('email', '=', demoShopify.customers.lea.email).executeTakeFirst();
      if (lea && leaCustomer) await linkShopCustomer(ctx.relais.store.db, ctx.workspaceId, lea, { shopCustomerId: leaCustomer.id }, ctx.relais.inbox.clock.now());
      return '▶ Sarah links Camille to her order #4512 (from « commande 4512 » in her message), and Léa to her shop account';
    },
  },
  {
    after: 136,
    async run({ sandbox }) {
      const { customer, lineItems, token } = shopifyCarts.lea;
      const { resource, delivery } = await sandbox.shopify.createOrder({ customer, lineItems, checkoutToken: token, landingSite: '/products/robe-celeste?utm_source=instagram&utm_medium=social&utm_campaign=relais' });
      return `▶ Shopify: Léa comes back and orders her cart (${String(resource.name)})${delivered(delivery.status)}`;
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
      const line = await step.run(ctx);
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
