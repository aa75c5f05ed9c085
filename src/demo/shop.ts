import type { MetaSandbox } from '../../sandbox/index.ts';

/** A customer of the demo shop, as the sandbox knows them (one id for Messenger, Instagram and comments). */
export interface Customer {
  id: string;
  name: string;
  username?: string;
}

/**
 * The demo shop on "Facebook": its Page and Instagram account, two posts, two photos and
 * the customers of the day. Ids look like Meta's (digits), because Relais checks them.
 */
export const shop = {
  page: { id: '104200000000001', name: 'Maison Lune', accessToken: 'EAAsandboxMaisonLunePageToken01', instagramId: '17841400000000001', instagramUsername: 'maisonlune.paris' },
  posts: {
    collection: { id: '104200000000001_200000000000001', message: 'Nouvelle collection « Été à Biarritz » : créoles en laiton doré et robes en lin, fabriquées en France ✨' },
    sale: { id: '104200000000001_200000000000002', message: 'Soldes d’été : -30 % sur toutes les robes en lin jusqu’à dimanche ☀️' },
    contest: { id: '104200000000001_200000000000003', message: '🎁 Jeu-concours : une robe Céleste à gagner ! Commentez « je participe » et identifiez une amie. Tirage vérifiable dans 5 jours, règlement en lien.' },
  },
  media: {
    hoops: { id: '17900000000000001', caption: 'Les créoles Lune sont de retour 🌙 #bijoux #madeinfrance' },
    dress: { id: '17900000000000002', caption: 'La robe Céleste en lin, du 34 au 44, en écru et bleu nuit' },
  },
  customers: {
    camille: { id: '6100000000000001', name: 'Camille Martin' },
    lea: { id: '6100000000000002', name: 'Léa Dubois', username: 'lea.dbs' },
    sophie: { id: '6100000000000003', name: 'Sophie Bernard' },
    james: { id: '6100000000000004', name: 'James Wilson' },
    spammer: { id: '6100000000000005', name: 'Kévin Bonplan' },
    chloe: { id: '6100000000000006', name: 'Chloé Petit', username: 'chloe.ptt' },
    emma: { id: '6100000000000007', name: 'Emma Laurent' },
    ines: { id: '6100000000000008', name: 'Inès Haddad' },
    manon: { id: '6100000000000009', name: 'Manon Roux' },
    julie: { id: '6100000000000010', name: 'Julie Fontaine' },
    hugo: { id: '6100000000000011', name: 'Hugo Lefèvre' },
    olivia: { id: '6100000000000012', name: 'Olivia Brown', username: 'olivia.brwn' },
    nina: { id: '6100000000000013', name: 'Nina Perrin', username: 'nina.prn' },
  } satisfies Record<string, Customer>,
} as const;

export type CustomerKey = keyof typeof shop.customers;
export type PostKey = keyof typeof shop.posts;
export type MediaKey = keyof typeof shop.media;

/** Puts the shop into the sandbox, before Relais connects the Page. */
export function seedShop(meta: MetaSandbox): void {
  const { page } = shop;
  meta.addPage(page);
  for (const post of Object.values(shop.posts)) {
    meta.addPost({ id: post.id, pageId: page.id, message: post.message, permalinkUrl: `https://www.facebook.com/maisonlune/posts/${post.id.split('_')[1]}` });
  }
  for (const media of Object.values(shop.media)) meta.addMedia({ id: media.id, pageId: page.id, caption: media.caption });
  for (const customer of Object.values(shop.customers) as Customer[]) meta.addUser(customer);
}

/** "Léa" for a person, "@chloe.ptt" on Instagram comments, where the handle is what shows. */
export const firstName = (customer: Customer) => customer.name.split(' ')[0] ?? customer.name;
