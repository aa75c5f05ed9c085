/**
 * Test support for the shop connectors: a real Relais listening on a port, the sandbox
 * playing Shopify and WooCommerce against it (real HTTP both ways), one shop of each
 * connected through the API, and a Meta page for conversations to link to.
 */
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel } from '../channels/index.ts';
import { meta, signedMetaRequest } from '../channels/testing.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import type { TestDialect } from '../store/testing.ts';

export const SHOP_DOMAIN = 'maison-lune.myshopify.com';
export const SHOPIFY_TOKEN = 'shpat_sandbox_token_0001';
export const WOO_SITE = 'https://boutique-lea.example';
export const WOO_KEYS = { consumerKey: 'ck_sandbox0001', consumerSecret: 'cs_sandbox0001', webhookSecret: 'woo-webhook-secret' };
const META_SECRET = 'meta-secret-for-shop-tests';
const PAGE_ID = '1000000000000077';

export interface ShopHarness {
  relais: TestRelais;
  sandbox: Sandbox;
  owner: Browser;
  workspaceId: string;
  shopifyChannelId: string;
  wooChannelId: string;
  /** Waits until every stored delivery is processed, ignored or parked. */
  settle(): Promise<void>;
  /** A Messenger message from a customer: a contact and a conversation, as the inbox makes them. */
  customerWrites(psid: string, text: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function startShopHarness(dialect: TestDialect, env: Record<string, string> = {}): Promise<ShopHarness> {
  const relais = await startTestRelais(dialect, { RELAIS_SHOPIFY_APP_SECRET: 'sandbox-shopify-secret', RELAIS_META_APP_SECRET: META_SECRET, ...env });
  const url = await relais.listen();
  const sandbox = await startSandbox({ relaisUrl: url, clock: relais.clock, ...(env.SANDBOX_SHOPIFY_SECRET ? { shopify: { appSecret: env.SANDBOX_SHOPIFY_SECRET } } : {}) });
  sandbox.shopify.addShop({ domain: SHOP_DOMAIN, accessToken: SHOPIFY_TOKEN, name: 'Maison Lune' });
  sandbox.woo.addStore({ siteUrl: WOO_SITE, ...WOO_KEYS });
  const owner = await setUpOwner(relais.app);
  const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id as string;
  const shopify = await owner.post('/api/v1/shops', { platform: 'shopify', shopDomain: SHOP_DOMAIN, accessToken: SHOPIFY_TOKEN, apiBase: sandbox.url });
  const wooShop = await owner.post('/api/v1/shops', { platform: 'woocommerce', siteUrl: WOO_SITE, ...WOO_KEYS, apiBase: sandbox.url });
  if (shopify.status !== 201 || wooShop.status !== 201) throw new Error(`connecting the shops failed: ${JSON.stringify([shopify.body, wooShop.body])}`);
  sandbox.woo.setDeliveryUrl(`${url}/hooks/woocommerce/${wooShop.body.id}`);
  await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, {
    workspaceId, kind: 'meta', name: 'Maison Lune (Facebook)', externalId: PAGE_ID, accountIds: [PAGE_ID], apiBase: 'http://127.0.0.1:9/v19.0', credentials: { pageToken: 'page-token' },
  });
  const settle = async () => {
    await sandbox.shopify.idle();
    await sandbox.woo.idle();
    await waitFor(async () => {
      const pending = await relais.store.db.selectFrom('inbound_events').select('id').where('status', '=', 'received').execute();
      return pending.length === 0;
    }, 15_000, 'the deliveries to be processed');
  };
  let mids = 0;
  return {
    relais, sandbox, owner, workspaceId, shopifyChannelId: shopify.body.id, wooChannelId: wooShop.body.id, settle,
    async customerWrites(psid, text) {
      const { body, headers } = signedMetaRequest(meta.page(meta.message(PAGE_ID, { psid, mid: `m_${psid}_${++mids}`, text, at: relais.clock.now() })), META_SECRET);
      const response = await relais.app.inject({ method: 'POST', url: '/hooks/meta', payload: body, headers });
      if (response.statusCode !== 200) throw new Error(`meta delivery refused: ${response.body}`);
      await settle();
      const identity = await relais.store.db.selectFrom('identities').select('contact_id').where('workspace_id', '=', workspaceId).where('external_id', '=', psid).executeTakeFirstOrThrow();
      return identity.contact_id;
    },
    async dispose() {
      await sandbox.close();
      await relais.dispose();
    },
  };
}

export * from './fixtures-for-tests.ts';
