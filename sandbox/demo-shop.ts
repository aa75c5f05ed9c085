/**
 * The demo shop "Maison Lune" on the platforms besides Meta: its X account and customers,
 * its Shopify shop and its WooCommerce workshop site, with customers, orders and carts.
 * `relais sandbox` puts them in the simulator's world (no webhook: the shop existed before
 * Relais connected it); `relais demo` sends them as the day goes, through the webhooks.
 */
import type { ShopifyCheckoutInput, ShopifyOrderInput } from './shopify/resources.ts';
import { checkoutResource, customerResource, orderResource } from './shopify/resources.ts';
import type { Sandbox } from './start-sandbox.ts';
import { wooOrderResource, type WooOrderInput } from './woocommerce/resources.ts';

export const demoX = {
  account: { id: '1480000000000000001', screenName: 'maisonlune_paris', name: 'Maison Lune', accessToken: 'sandbox-x-user-token-maisonlune' },
  users: {
    camille: { id: '2244994945', screenName: 'camille_m', name: 'Camille Martin' },
    theo: { id: '2244994946', screenName: 'theo_grd', name: 'Théo Girard' },
    ines: { id: '2244994947', screenName: 'ines_hdd', name: 'Inès Haddad' },
  },
} as const;

export const demoShopify = {
  shop: { domain: 'maison-lune.myshopify.com', accessToken: 'shpat_sandbox_maisonlune_0001', name: 'Maison Lune' },
  customers: {
    camille: { id: 7_100_000_000_001, email: 'camille.martin@example.fr', firstName: 'Camille', lastName: 'Martin', phone: '+33612345601' },
    lea: { id: 7_100_000_000_002, email: 'lea.dubois@example.fr', firstName: 'Léa', lastName: 'Dubois' },
    sophie: { id: 7_100_000_000_003, email: 'sophie.bernard@example.fr', firstName: 'Sophie', lastName: 'Bernard' },
    emma: { id: 7_100_000_000_004, email: 'emma.laurent@example.fr', firstName: 'Emma', lastName: 'Laurent' },
  },
} as const;

/** The orders placed before the day: #4512 is the one Camille has not received. */
export const shopifyOrdersBefore: Array<ShopifyOrderInput & { number: number }> = [
  { number: 4512, customer: demoShopify.customers.camille, lineItems: [{ title: 'Robe Céleste en lin — écru, 38', price: '89.00', sku: 'CEL-ECR-38' }, { title: 'Créoles Lune', price: '39.00', sku: 'CRE-LUN' }], financialStatus: 'paid', landingSite: '/products/robe-celeste' },
  { number: 4513, customer: demoShopify.customers.sophie, lineItems: [{ title: 'Sautoir Biarritz', price: '54.00', sku: 'SAU-BIA' }], financialStatus: 'paid' },
  { number: 4514, customer: demoShopify.customers.emma, lineItems: [{ title: 'Robe Céleste en lin — bleu nuit, 40', price: '89.00', sku: 'CEL-BLN-40' }], financialStatus: 'paid' },
];

/**
 * The carts: Léa filled hers two hours before she writes (Relais's recovery brings her back
 * and she orders), Emma leaves hers during the day (it stays open).
 */
export const shopifyCarts = {
  lea: { token: 'c0ffee0000000000000000000000lea1', customer: demoShopify.customers.lea, lineItems: [{ title: 'Robe Céleste en lin — écru, 38', price: '89.00', sku: 'CEL-ECR-38' }], startedMinutesAgo: 120 },
  emma: { token: 'c0ffee000000000000000000000emma1', customer: demoShopify.customers.emma, lineItems: [{ title: 'Créoles Lune', price: '39.00', quantity: 2, sku: 'CRE-LUN' }] },
} satisfies Record<string, ShopifyCheckoutInput & { token: string }>;

export const demoWoo = {
  store: { siteUrl: 'https://atelier.maisonlune.fr', consumerKey: 'ck_sandbox_maisonlune_atelier_0001', consumerSecret: 'cs_sandbox_maisonlune_atelier_0001', webhookSecret: 'whsec-sandbox-atelier' },
  customers: {
    hugo: { email: 'hugo.lefevre@example.fr', firstName: 'Hugo', lastName: 'Lefèvre' },
    julie: { email: 'julie.fontaine@example.fr', firstName: 'Julie', lastName: 'Fontaine' },
  },
} as const;

export const wooOrdersBefore: WooOrderInput[] = [
  { billing: demoWoo.customers.hugo, lineItems: [{ name: 'Atelier bijoux : créoles à façonner (samedi)', price: '65.00', sku: 'ATL-CRE' }], status: 'processing' },
  { billing: demoWoo.customers.julie, lineItems: [{ name: 'Carte cadeau atelier', price: '50.00', sku: 'ATL-KDO' }], status: 'completed' },
];

/** Accounts, shops and stores only: what `relais demo` needs before Relais connects them. */
export function addDemoShopSetup(sandbox: Pick<Sandbox, 'x' | 'shopify' | 'woo'>): void {
  sandbox.x.addAccount(demoX.account);
  for (const user of Object.values(demoX.users)) sandbox.x.addUser(user);
  sandbox.shopify.addShop(demoShopify.shop);
  sandbox.woo.addStore(demoWoo.store);
}

/**
 * The whole shop world for `relais sandbox`: the setup, then the customers, the orders
 * placed before and Emma's open cart, straight into the world (readable by the Admin and
 * REST APIs, no webhook sent).
 */
export function seedDemoShop(sandbox: Pick<Sandbox, 'x' | 'shopify' | 'woo'>): void {
  addDemoShopSetup(sandbox);
  const now = sandbox.x.now();
  const shop = sandbox.shopify.shop(demoShopify.shop.domain);
  for (const customer of Object.values(demoShopify.customers)) customerResource(shop, customer, now);
  for (const { number, ...order } of shopifyOrdersBefore) {
    shop.nextOrderNumber = number;
    orderResource(shop, order, now);
  }
  checkoutResource(shop, shopifyCarts.emma, now);
  const store = sandbox.woo.store(demoWoo.store.siteUrl);
  for (const order of wooOrdersBefore) wooOrderResource(store, order, now);
}
