/**
 * Test support for publishing: a listening Relais (platforms fetch images from it) and the
 * sandbox, with a Facebook Page and its Instagram account, an X account and a Pinterest
 * account with a board, each connected as a channel.
 */
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel } from '../channels/index.ts';
import { addMember, setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';
import type { TestDialect } from '../store/testing.ts';
import { jpegBytes } from './test-images.ts';

export const PAGE = '1000000000000501';
export const IG = '17841400000000501';
export const X_ACCOUNT = '1480000000000000501';
export const BOARD = '549755000001';
export const SHOP_DOMAIN = 'maison-lune.myshopify.com';

export interface PublishingHarness {
  relais: TestRelais;
  sandbox: Sandbox;
  owner: Browser;
  workspaceId: string;
  /** Where Relais listens (webhooks, images). */
  url: string;
  channels: { meta: string; x: string; pinterest: string; shop: string };
  /** A JPEG in the media library. */
  imageId: string;
  member(role: 'community_manager' | 'agent' | 'admin', email: string): Promise<Browser>;
  dispose(): Promise<void>;
}

export async function startPublishingHarness(options: { requestTimeoutMs?: number; dialect?: TestDialect } = {}): Promise<PublishingHarness> {
  const relais = await startTestRelais(options.dialect ?? 'sqlite', { RELAIS_PUBLIC_URL: 'http://127.0.0.1:0', RELAIS_SHOPIFY_APP_SECRET: 'sandbox-shopify-secret' });
  // The test client judges cookie expiry by the real date: start the manual clock there.
  relais.clock.set(Date.now());
  // One time for both sides: engagement grows as the test moves Relais's clock.
  const sandbox = await startSandbox({ clock: relais.clock });
  const url = await relais.listen();
  sandbox.shopify.setRelaisUrl(url);
  const owner = await setUpOwner(relais.app);
  const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id as string;
  const settings = { requestTimeoutMs: options.requestTimeoutMs ?? 3000 };
  const deps = { db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer };
  sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: 'PAGE_TOKEN_501', instagramId: IG, instagramUsername: 'maisonlune' });
  const meta = await addChannel(deps, {
    workspaceId, kind: 'meta', name: 'Maison Lune', externalId: PAGE, accountIds: [PAGE, IG], apiBase: sandbox.meta.graphUrl,
    credentials: { pageToken: 'PAGE_TOKEN_501' }, settings: { instagramId: IG, ...settings },
  });
  sandbox.x.addAccount({ id: X_ACCOUNT, screenName: 'maisonlune', name: 'Maison Lune', accessToken: 'X_TOKEN_501' });
  const x = await addChannel(deps, {
    workspaceId, kind: 'x', name: '@maisonlune', externalId: X_ACCOUNT, accountIds: [X_ACCOUNT], apiBase: sandbox.url,
    credentials: { accessToken: 'X_TOKEN_501' }, settings: { accountId: X_ACCOUNT, screenName: 'maisonlune', ...settings },
  });
  sandbox.pinterest.addAccount({ username: 'maisonlune', accessToken: 'PIN_TOKEN_501' });
  sandbox.pinterest.addBoard({ username: 'maisonlune', name: 'Bijoux', id: BOARD });
  const connected = await owner.post('/api/v1/publishing/pinterest', { accessToken: 'PIN_TOKEN_501', apiBase: sandbox.url });
  if (connected.status !== 201) throw new Error(`pinterest connect: ${JSON.stringify(connected.body)}`);
  await relais.store.db.updateTable('channels').set({ settings: JSON.stringify({ apiBase: sandbox.url, username: 'maisonlune', ...settings }) }).where('id', '=', connected.body.id).execute();
  sandbox.shopify.addShop({ domain: SHOP_DOMAIN, accessToken: 'shpat_publishing_0001', name: 'Maison Lune' });
  const shop = await owner.post('/api/v1/shops', { platform: 'shopify', shopDomain: SHOP_DOMAIN, accessToken: 'shpat_publishing_0001', apiBase: sandbox.url });
  if (shop.status !== 201) throw new Error(`shop connect: ${JSON.stringify(shop.body)}`);
  const image = await owner.request('POST', '/api/v1/media', jpegBytes() as unknown as string, { headers: { 'content-type': 'image/jpeg', 'x-file-name': 'bague.jpg' } });
  if (image.status !== 201) throw new Error(`upload: ${JSON.stringify(image.body)}`);
  return {
    relais, sandbox, owner, workspaceId, url, imageId: image.body.id,
    channels: { meta, x, pinterest: connected.body.id, shop: shop.body.id },
    member: (role, email) => addMember(relais.app, owner, email, role, role === 'admin' ? 'Inès' : 'Karim'),
    async dispose() {
      await relais.dispose();
      await sandbox.close();
    },
  };
}
