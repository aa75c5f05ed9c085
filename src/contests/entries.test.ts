import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../jobs/testing.ts';
import { FB_POST, IG_MEDIA, startContestWorld, type ContestWorld } from './testing.ts';

const HOUR = 3_600_000;

// One contest over Facebook, Instagram and X comments that arrive through the real webhooks.
describe('contest entries from sandbox comments', () => {
  let w: ContestWorld;
  let contestId: string;
  let start: number;
  const heard: { type: string; data: any }[] = [];

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
      // Three winners for three eligible entries: every network's way of telling is exercised.
      name: 'Bague lune', startsAt: start, endsAt: start + 2 * HOUR, winners: 3, alternates: 1,
      postIds: [await w.postId(FB_POST), await w.postId(IG_MEDIA), await w.postId(w.xPostId)], keyword: '#LuneConcours', minTags: 1,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    contestId = again.body.contest.id;
    expect(again.body.contest.posts.map((p: any) => p.network).sort()).toEqual(['facebook', 'instagram', 'x']);

    w.relais.bus.subscribe(w.workspaceId, (event) => heard.push(event));
    // Too late: two hours and a minute after the start.
    w.relais.clock.set(start + 2 * HOUR + 60_000);
    await x.reply({ from: '1851234567890000103', inReplyTo: w.xPostId, text: '#LuneConcours @lou_x je suis là !' });
    await w.settle();
    await waitFor(async () => heard.some((e) => e.type === 'contest.entries'), 10_000, 'the live count');
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

  it('counts X posts with the hashtag as entries when the contest asks, even off its posts', async () => {
    const created = await w.owner.post('/api/v1/contests', {
      name: 'Facebook et X', startsAt: start, endsAt: start + 2 * HOUR, winners: 1, postIds: [await w.postId(FB_POST)], keyword: '#LuneConcours', includeXMentions: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { body } = await w.owner.get(`/api/v1/contests/${created.body.contest.id}/entries`);
    const x = body.entries.filter((e: any) => e.network === 'x').map((e: any) => [e.authorName, e.eligible ? 'eligible' : e.reason]);
    expect(x.sort()).toEqual([['Camille M.', 'duplicate'], ['Inès Durand', 'eligible'], ['Théo Tardif', 'outside_dates']]);
    expect(body.entries.some((e: any) => e.network === 'instagram')).toBe(false);
  });

  it('tells the consoles the entry count per network as comments arrive', () => {
    const live = heard.filter((e) => e.type === 'contest.entries' && e.data.contestId === contestId).at(-1)!;
    expect(live.data).toEqual({ contestId, counts: { facebook: { entries: 4, eligible: 1 }, instagram: { entries: 3, eligible: 1 }, x: { entries: 3, eligible: 1 } } });
  });

  it('draws from the frozen entries.csv, and relais contest verify reproduces it from the exported proof', async () => {
    const drawn = await w.owner.post(`/api/v1/contests/${contestId}/draw`);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(200);
    expect(drawn.body.entries).toBe(3);
    // The pool runs out before the alternate.
    expect(drawn.body.picks.map((p: any) => `${p.role}${p.rank}`)).toEqual(['winner1', 'winner2', 'winner3']);
    expect((await w.owner.post(`/api/v1/contests/${contestId}/draw`)).body.error.code).toBe('contest.already_drawn');

    const proof = await w.owner.get(`/api/v1/contests/${contestId}/proof`);
    expect(proof.status).toBe(200);
    expect(proof.headers['content-disposition']).toContain('attachment');
    const bundle = proof.body;
    expect(createHash('sha256').update(bundle.seed).digest('hex')).toBe(bundle.commitment);
    const csv = await w.relais.app.inject({ method: 'GET', url: `/api/v1/contests/${contestId}/entries.csv`, headers: { cookie: [...w.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(csv.rawPayload.toString('utf8')).toBe(bundle.entriesCsv);
    expect(createHash('sha256').update(csv.rawPayload).digest('hex')).toBe(bundle.entriesHash);
    expect(bundle.entriesCsv.split('\n')[0]).toBe('entry_id,network,author_id,author_name,created_at');

    const dir = mkdtempSync(join(tmpdir(), 'relais-proof-'));
    try {
      writeFileSync(join(dir, 'entries.csv'), bundle.entriesCsv);
      const bin = fileURLToPath(new URL('../../bin/relais.js', import.meta.url));
      const verify = spawnSync(process.execPath, [bin, 'contest', 'verify', '--entries', join(dir, 'entries.csv'), '--seed', bundle.seed, '--commitment', bundle.commitment, '--winners', String(bundle.winners), '--alternates', String(bundle.alternates)], { encoding: 'utf8', timeout: 60_000 });
      expect(verify.status, verify.stderr).toBe(0);
      const printed = verify.stdout.split('\n').filter((l) => /^(winner|alternate) /.test(l)).map((l) => l.split(' ').slice(0, 3).join(' '));
      expect(printed).toEqual(bundle.picks.map((p: any) => `${p.role} ${p.rank}: ${p.entryId}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const view = (await w.owner.get(`/api/v1/contests/${contestId}`)).body;
    expect(view.contest.draw.seed).toBe(bundle.seed);
    expect(view.contest.draw.announcement).toContain('Bravo à');
  });

  it('tells the winners by private reply on Facebook and Instagram, by DM on X', async () => {
    const told = await w.owner.post(`/api/v1/contests/${contestId}/notify`);
    expect(told.status, JSON.stringify(told.body)).toBe(200);
    const winners = told.body.winners.filter((x: any) => x.role === 'winner');
    expect(winners.map((x: any) => x.network).sort()).toEqual(['facebook', 'instagram', 'x']);
    let list: any[] = [];
    await waitFor(async () => {
      list = (await w.owner.get(`/api/v1/contests/${contestId}/winners`)).body.winners.filter((x: any) => x.role === 'winner');
      return list.every((x: any) => x.notice === 'sent');
    }, 15_000, 'the winners to be told').catch((error: Error) => { throw new Error(`${error.message}: ${JSON.stringify(list)}`); });
    await w.sandbox.meta.idle();
    for (const winner of winners) {
      if (winner.network === 'x') expect(w.sandbox.x.dms.some((dm) => dm.text.includes('Bague lune'))).toBe(true);
      else expect(w.sandbox.meta.sent.some((m) => m.commentId && m.platform === (winner.network === 'facebook' ? 'messenger' : 'instagram') && m.text?.includes('Bague lune'))).toBe(true);
    }
    expect(list.map((x: any) => x.via).sort()).toEqual(['dm', 'private_reply', 'private_reply']);
    // Telling again sends nothing twice.
    const sentBefore = w.sandbox.meta.sent.length + w.sandbox.x.dms.length;
    await w.owner.post(`/api/v1/contests/${contestId}/notify`);
    await w.sandbox.meta.idle();
    expect(w.sandbox.meta.sent.length + w.sandbox.x.dms.length).toBe(sentBefore);
  });
});
