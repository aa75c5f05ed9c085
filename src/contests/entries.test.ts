import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FB_POST, IG_MEDIA, PAGE, startContestWorld, type ContestWorld } from './testing.ts';

const HOUR = 3_600_000;

// One contest over Facebook, Instagram and X comments that arrive through the real webhooks.
describe('contest entries from sandbox comments', () => {
  let w: ContestWorld;
  let contestId: string;
  let start: number;

  beforeAll(async () => {
    w = await startContestWorld();
    const { meta, x } = w.sandbox;
    for (const [id, name, username] of [['6101', 'Camille Martin', 'camille.m'], ['6102', 'Hugo Leroy', 'hugo_l'], ['6103', 'Zoé Troll', 'zoe'], ['6104', 'Julie Équipe', 'julie'], ['6105', 'Marc Pressé', 'marc'], ['6106', 'Léa Sanstag', 'lea_st'], ['6107', 'Nina Oubli', 'nina_o']] as const) {
      meta.addUser({ id, name, username });
    }
    x.addUser({ id: '1851234567890000101', screenName: 'camille_m', name: 'Camille M.' });
    x.addUser({ id: '1851234567890000102', screenName: 'ines_x', name: 'Inès Durand' });
    x.addUser({ id: '1851234567890000103', screenName: 'tard_x', name: 'Théo Tardif' });
    start = w.relais.clock.now();
    await meta.comment({ postId: FB_POST, from: '6101', message: 'Je tente ma chance #LuneConcours avec @marie.d 🌙' });
    w.relais.clock.advance(60_000);
    await meta.instagramComment({ mediaId: IG_MEDIA, from: '6102', text: 'Trop belle ! #luneconcours @paul_r' });
    w.relais.clock.advance(60_000);
    await meta.comment({ postId: FB_POST, from: '6103', message: '#LuneConcours bande de connards, @marie.d' });
    await meta.comment({ postId: FB_POST, from: '6104', message: '#LuneConcours @collegue' });
    await meta.comment({ postId: FB_POST, from: '6105', message: '#LuneConcours @ami1' });
    await meta.instagramComment({ mediaId: IG_MEDIA, from: '6106', text: '#LuneConcours je veux gagner' });
    await meta.instagramComment({ mediaId: IG_MEDIA, from: '6107', text: 'Je participe @sophie' });
    w.relais.clock.advance(60_000);
    await x.reply({ from: '1851234567890000101', inReplyTo: w.xPostId, text: 'Moi aussi #LuneConcours @jules_b' });
    await x.reply({ from: '1851234567890000102', inReplyTo: w.xPostId, text: '#LuneConcours avec @manon_p !' });
    await w.settle();

    // Camille's X account is hers too (an agent merged the two contacts); Julie is on the team; Marc is blocked.
    const camilleFb = await w.contactOf('Camille Martin');
    const camilleX = await w.contactOf('Camille M.');
    expect((await w.owner.post(`/api/v1/contacts/${camilleX}/merge`, { intoContactId: camilleFb })).status).toBeLessThan(300);
    expect((await w.owner.request('PUT', '/api/v1/contests/exclusions', { contactId: await w.contactOf('Julie Équipe'), kind: 'team' })).status).toBe(204);
    expect((await w.owner.request('PUT', '/api/v1/contests/exclusions', { contactId: await w.contactOf('Marc Pressé'), kind: 'blocked' })).status).toBe(204);

    // The posts are known once someone comments on them: the contest is created from them now.
    const again = await w.owner.post('/api/v1/contests', {
      name: 'Bague lune', startsAt: start, endsAt: start + 2 * HOUR, winners: 2, alternates: 1,
      postIds: [await w.postId(FB_POST), await w.postId(IG_MEDIA), await w.postId(w.xPostId)], keyword: '#LuneConcours', minTags: 1,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    contestId = again.body.contest.id;
    expect(again.body.contest.posts.map((p: any) => p.network).sort()).toEqual(['facebook', 'instagram', 'x']);

    // Too late: two hours and a minute after the start.
    w.relais.clock.set(start + 2 * HOUR + 60_000);
    await x.reply({ from: '1851234567890000103', inReplyTo: w.xPostId, text: '#LuneConcours @lou_x je suis là !' });
    await w.settle();
  }, 60_000);
  afterAll(async () => { await w?.dispose(); });

  it('lists exactly the eligible entries, and why each other one is not', async () => {
    const { body } = await w.owner.get(`/api/v1/contests/${contestId}/entries`);
    const byName = Object.fromEntries(body.entries.map((e: any) => [`${e.network}:${e.authorName}`, e.eligible ? 'eligible' : e.reason]));
    expect(byName).toEqual({
      'facebook:Camille Martin': 'eligible',
      'instagram:hugo_l': 'eligible',
      'x:Inès Durand': 'eligible',
      'x:Camille M.': 'duplicate',
      'facebook:Zoé Troll': 'hidden',
      'facebook:Julie Équipe': 'team',
      'facebook:Marc Pressé': 'blocked',
      'instagram:lea_st': 'not_enough_tags',
      'instagram:nina_o': 'missing_keyword',
      'x:Théo Tardif': 'outside_dates',
    });
    expect(body.counts).toEqual({ facebook: { entries: 4, eligible: 1 }, instagram: { entries: 3, eligible: 1 }, x: { entries: 3, eligible: 1 } });
    // The shop's own X post is no entry, and the insult was hidden on Facebook by the charter.
    expect(body.entries.some((e: any) => e.authorName === 'Maison Lune')).toBe(false);
    await w.sandbox.meta.idle();
    expect(w.sandbox.meta.hidden.length).toBeGreaterThanOrEqual(1);
  });
});
