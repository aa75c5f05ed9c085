/**
 * Test support for contests: a Relais and the platform sandbox over real HTTP, on one clock,
 * with the shop's Facebook Page, its Instagram account and its X account connected, an entry
 * post on each network, and people to comment. Comments go through the real webhook intake.
 */
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel, xProvider } from '../channels/index.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';
import { waitFor } from '../jobs/testing.ts';

export const META_SECRET = 'contest-meta-secret';
export const X_SECRET = 'contest-x-secret';
export const PAGE = '1000000000000088';
export const IG = '17841400000000088';
export const FB_POST = `${PAGE}_77`;
export const IG_MEDIA = '1790000000000077';
export const X_SHOP = '1851234567890000001';

export interface ContestWorld {
  relais: TestRelais;
  sandbox: Sandbox;
  owner: Browser;
  workspaceId: string;
  metaChannelId: string;
  xChannelId: string;
  xPostId: string;
  /** Waits until every delivery is processed and no webhook is in flight. */
  settle(): Promise<void>;
  /** The `posts.id` of a platform post id. */
  postId(externalId: string): Promise<string>;
  contactOf(name: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function startContestWorld(): Promise<ContestWorld> {
  const relais = await startTestRelais('sqlite', { RELAIS_META_APP_SECRET: META_SECRET, RELAIS_X_CONSUMER_SECRET: X_SECRET });
  const url = await relais.listen();
  const sandbox = await startSandbox({ relaisUrl: url, clock: relais.clock, meta: { appSecret: META_SECRET, retrySchedule: [0, 200] }, x: { consumerSecret: X_SECRET } });
  sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: 'page-token-contest', instagramId: IG, instagramUsername: 'maisonlune' });
  sandbox.meta.addPost({ id: FB_POST, pageId: PAGE, message: 'Jeu-concours : gagnez la bague lune ! #LuneConcours', permalinkUrl: 'https://facebook.com/maisonlune/posts/77' });
  sandbox.meta.addMedia({ id: IG_MEDIA, pageId: PAGE, caption: 'Concours bague lune #LuneConcours' });
  sandbox.x.addAccount({ id: X_SHOP, screenName: 'maisonlune', name: 'Maison Lune', accessToken: 'x-token-contest' });
  const owner = await setUpOwner(relais.app);
  const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id as string;
  const deps = { db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer };
  const metaChannelId = await addChannel(deps, {
    workspaceId, kind: 'meta', name: 'Maison Lune (Facebook, Instagram)', externalId: PAGE, accountIds: [PAGE, IG],
    apiBase: sandbox.meta.graphUrl, credentials: { pageToken: 'page-token-contest' }, settings: { instagramId: IG, instagramUsername: 'maisonlune' },
  });
  const spec = await xProvider.connect({ 'account-id': X_SHOP, 'access-token': 'x-token-contest', 'api-base': sandbox.x.apiBase });
  const xChannelId = await addChannel(deps, { workspaceId, kind: 'x', ...spec });
  await relais.queue.start();
  const settle = async () => {
    await sandbox.meta.idle();
    await sandbox.x.idle();
    await waitFor(async () => (await relais.store.db.selectFrom('inbound_events').select('id').where('status', '=', 'received').execute()).length === 0, 15_000, 'the deliveries');
  };
  const shopPost = await sandbox.x.post({ text: 'Jeu-concours ! Répondez avec #LuneConcours et identifiez un ami 🌙' });
  await settle();
  const postId = async (externalId: string) => (await relais.store.db.selectFrom('posts').select('id').where('external_id', '=', externalId).executeTakeFirstOrThrow()).id;
  return {
    relais, sandbox, owner, workspaceId, metaChannelId, xChannelId, xPostId: shopPost.id, settle, postId,
    async contactOf(name) {
      return (await relais.store.db.selectFrom('contacts').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    },
    async dispose() {
      await sandbox.close();
      await relais.dispose();
    },
  };
}
