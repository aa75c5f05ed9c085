import twitterText from 'twitter-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChannel } from '../channels/index.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';

let relais: TestRelais;
let owner: Browser;
let pageChannel: string;

beforeAll(async () => {
  relais = await startTestRelais('sqlite');
  // The session cookie's expiry is judged against the real date by the test client.
  relais.clock.set(Date.now());
  owner = await setUpOwner(relais.app);
  const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id as string;
  pageChannel = await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, {
    workspaceId, kind: 'meta', name: 'Page', externalId: '1000000000000001', accountIds: ['1000000000000001'], apiBase: 'http://127.0.0.1:9/v19.0', credentials: { pageToken: 't' },
  });
  // A Facebook post already out on the Page: the next one may not repeat it.
  const now = relais.clock.now();
  await relais.store.db.insertInto('pub_posts').values({ workspace_id: workspaceId, id: 'P0', author_id: 'u', campaign: null, link: null, status: 'published', approval: 'none', review_comment: null, scheduled_at: now, deal: null, promo_code: null, created_at: now, updated_at: now }).execute();
  await relais.store.db.insertInto('pub_versions').values({
    workspace_id: workspaceId, id: 'V0', post_id: 'P0', network: 'facebook', channel_id: pageChannel, text: 'Nouvelle collection en boutique !', title: null, board_id: null, media_ids: '[]',
    status: 'published', due_at: now, lease_until: null, attempts: 1, attempt_started_at: now, container_id: null, platform_id: '1_1', permalink: null, failure_kind: null,
    failure_reason: null, text_key: 'x', published_at: now, next_poll_at: null, created_at: now, updated_at: now,
  }).execute();
});
afterAll(async () => { await relais?.dispose(); });

const validate = async (body: Record<string, unknown>) => {
  const reply = await owner.post('/api/v1/posts/validate', body);
  expect(reply.status).toBe(200);
  return reply.body.results as Record<string, { valid: boolean; length: number; errors: { code: string; message: string }[] }>;
};
const codes = (result: { errors: { code: string }[] }) => result.errors.map((e) => e.code);

describe('POST /api/v1/posts/validate on X', () => {
  // Each case: the text, the weighted length X gives it (PLATFORMS.md §2.6), and whether it is postable.
  const cases: [label: string, text: string, weight: number, valid: boolean][] = [
    ['280 Latin characters', 'a'.repeat(280), 280, true],
    ['281 Latin characters', 'a'.repeat(281), 281, false],
    ['accented French counts 1 each', 'é'.repeat(280), 280, true],
    ['a decomposed é is normalised to one', 'e\u0301'.repeat(280), 280, true],
    ['any URL counts 23', `Soldes ! https://maisonlune.fr/collections/hiver/bague-lune-or-18-carats?variant=${'9'.repeat(60)}`, 9 + 23, true],
    ['a bare domain is a URL too', 'Voir maisonlune.fr', 5 + 23, true],
    ['an emoji counts 2', `${'a'.repeat(278)}🎄`, 280, true],
    ['an emoji tips it over', `${'a'.repeat(279)}🎄`, 281, false],
    ['a ZWJ family is one emoji', '👨‍👩‍👧', 2, true],
    ['a skin tone and a flag are one emoji each', '👍🏽🇫🇷', 4, true],
    // twitter-text 3.1's emoji table predates skin-toned families: it weighs this one 11, and Relais says what the library says.
    ['a skin-toned family, as twitter-text 3.1 counts it', '👩🏽‍👩🏽‍👧🏽‍👦🏽', 11, true],
    ['Japanese counts 2 each', 'あ'.repeat(140), 280, true],
    ['141 Japanese characters are too many', 'あ'.repeat(141), 282, false],
    ['curly quotes and dashes count 1', '“Promo” — ’jusqu’à’ …', 22, true],
  ];
  it.each(cases)('%s', async (_label, text, weight, valid) => {
    const { x } = await validate({ networks: ['x'], text });
    const library = twitterText.parseTweet(text);
    expect(x!.length).toBe(weight);
    expect(x!.length).toBe(library.weightedLength);
    expect(x!.valid).toBe(valid);
    expect(x!.valid).toBe(library.valid);
    if (!valid) expect(codes(x!)).toEqual(['x.too_long']);
  });

  it('counts the link it appends to the text as 23', async () => {
    const { x } = await validate({ networks: ['x'], text: 'a'.repeat(256), link: 'https://maisonlune.fr/noel' });
    expect(x).toEqual({ valid: true, length: 256 + 1 + 23, errors: [] });
    const over = await validate({ networks: ['x'], text: 'a'.repeat(257), link: 'https://maisonlune.fr/noel' });
    expect(over.x!.valid).toBe(false);
  });

  it('refuses an empty post and more than four images', async () => {
    expect(codes((await validate({ networks: ['x'], text: '   ' })).x!)).toEqual(['x.empty']);
    expect(codes((await validate({ networks: ['x'], text: 'ok', media: ['a', 'b', 'c', 'd', 'e'] })).x!)).toEqual(['x.too_many_media']);
  });
});

describe('POST /api/v1/posts/validate on Instagram, Pinterest and Facebook', () => {
  it('Instagram needs an image, at most 2,200 characters, 30 hashtags and 20 mentions', async () => {
    expect(codes((await validate({ networks: ['instagram'], text: 'Bonjour' })).instagram!)).toEqual(['instagram.media_required']);
    expect((await validate({ networks: ['instagram'], text: 'é'.repeat(2200), media: ['m1'] })).instagram).toEqual({ valid: true, length: 2200, errors: [] });
    expect(codes((await validate({ networks: ['instagram'], text: 'é'.repeat(2201), media: ['m1'] })).instagram!)).toEqual(['instagram.too_long']);
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#mode${i}`).join(' ');
    expect((await validate({ networks: ['instagram'], text: tags(30), media: ['m1'] })).instagram!.valid).toBe(true);
    expect(codes((await validate({ networks: ['instagram'], text: tags(31), media: ['m1'] })).instagram!)).toEqual(['instagram.too_many_hashtags']);
    const mentions = (n: number) => Array.from({ length: n }, (_, i) => `@amie_${i}`).join(' ');
    expect((await validate({ networks: ['instagram'], text: mentions(20), media: ['m1'] })).instagram!.valid).toBe(true);
    expect(codes((await validate({ networks: ['instagram'], text: mentions(21), media: ['m1'] })).instagram!)).toEqual(['instagram.too_many_mentions']);
    // An e-mail address and a price with # are neither mentions nor hashtags.
    expect((await validate({ networks: ['instagram'], text: `${mentions(20)} contact@maisonlune.fr n°#1`, media: ['m1'] })).instagram!.valid).toBe(true);
    expect(codes((await validate({ networks: ['instagram'], text: 'ok', media: [{ type: 'image', contentType: 'image/png' }] })).instagram!)).toEqual(['instagram.jpeg_only']);
    expect(codes((await validate({ networks: ['instagram'], text: 'ok', media: Array.from({ length: 11 }, (_, i) => `m${i}`) })).instagram!)).toEqual(['instagram.too_many_media']);
  });

  it('Pinterest needs an image and a board; title ≤ 100, description ≤ 800, link ≤ 2,048', async () => {
    const pin = (extra: Record<string, unknown>) => validate({ networks: ['pinterest'], text: 'Bague lune', media: ['m1'], boardId: '5490', ...extra });
    expect((await pin({})).pinterest).toEqual({ valid: true, length: 10, errors: [] });
    expect(codes((await validate({ networks: ['pinterest'], text: 'Bague' })).pinterest!)).toEqual(['pinterest.image_required', 'pinterest.board_required']);
    expect((await pin({ title: 'T'.repeat(100) })).pinterest!.valid).toBe(true);
    expect(codes((await pin({ title: 'T'.repeat(101) })).pinterest!)).toEqual(['pinterest.title_too_long']);
    expect((await pin({ text: 'd'.repeat(800) })).pinterest!.valid).toBe(true);
    expect(codes((await pin({ text: 'd'.repeat(801) })).pinterest!)).toEqual(['pinterest.description_too_long']);
    const link = (n: number) => `https://maisonlune.fr/${'p'.repeat(n - 'https://maisonlune.fr/'.length)}`;
    expect((await pin({ link: link(2048) })).pinterest!.valid).toBe(true);
    expect(codes((await pin({ link: link(2049) })).pinterest!)).toEqual(['pinterest.link_too_long']);
    expect(codes((await pin({ link: 'javascript:alert(1)' })).pinterest!)).toEqual(['pinterest.link_invalid']);
  });

  it('Facebook refuses a post identical to the Page\'s previous one, and an empty one', async () => {
    const repeat = await validate({ networks: ['facebook'], text: '  Nouvelle collection en boutique !', channelId: pageChannel });
    expect(codes(repeat.facebook!)).toEqual(['facebook.duplicate']);
    expect((await validate({ networks: ['facebook'], text: 'Nouvelle collection en boutique !!', channelId: pageChannel })).facebook!.valid).toBe(true);
    expect(codes((await validate({ networks: ['facebook'], text: '' })).facebook!)).toEqual(['facebook.empty']);
    expect(codes((await validate({ networks: ['facebook'], text: 'a'.repeat(63_207) })).facebook!)).toEqual(['facebook.too_long']);
  });

  it('answers every network asked for in one call, and refuses bad input with a 400', async () => {
    const all = await validate({ networks: ['facebook', 'instagram', 'x', 'pinterest'], text: 'Soldes', media: [], link: null });
    expect(Object.keys(all).sort()).toEqual(['facebook', 'instagram', 'pinterest', 'x']);
    expect((await owner.post('/api/v1/posts/validate', { networks: ['myspace'], text: 'x' })).status).toBe(400);
    expect((await owner.post('/api/v1/posts/validate', { networks: [], text: 'x' })).status).toBe(400);
    const bad = await owner.post('/api/v1/posts/validate', { networks: ['x'], text: 'x', surprise: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
  });
});
