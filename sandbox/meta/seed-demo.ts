/** The demo shop's Facebook Page, Instagram account, two customers, a post and a photo. */
import type { MetaSandbox } from './meta-sandbox.ts';
import type { MediaRecord, PageRecord, PostRecord, UserRecord } from './world.ts';

export interface MetaDemo {
  page: PageRecord;
  /** Camille writes on Messenger and comments on Facebook. */
  camille: UserRecord;
  /** Léa is on Instagram. */
  lea: UserRecord;
  post: PostRecord;
  media: MediaRecord;
}

export function seedMetaDemo(meta: MetaSandbox): MetaDemo {
  const page = meta.addPage({
    id: '104200000000001', name: 'Maison Lune — Bijoux', accessToken: 'EAAsandboxPageToken0001',
    instagramId: '17841400000000001', instagramUsername: 'maisonlune.bijoux',
  });
  const camille = meta.addUser({ id: '6100000000000001', name: 'Camille Martin' });
  const lea = meta.addUser({ id: '6100000000000002', name: 'Léa Dubois', username: 'lea.dbs' });
  const post = meta.addPost({
    id: `${page.id}_200000000000001`, pageId: page.id,
    message: 'Nouvelle collection « Été à Biarritz » : créoles en laiton doré, fabriquées à Lyon ✨',
  });
  const media = meta.addMedia({ id: '17900000000000001', pageId: page.id, caption: 'Les créoles Lune sont de retour 🌙' });
  return { page, camille, lea, post, media };
}
