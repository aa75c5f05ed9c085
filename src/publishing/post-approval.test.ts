import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/testing.ts';
import { PAGE, startPublishingHarness, type PublishingHarness } from './testing.ts';

let h: PublishingHarness;
beforeAll(async () => { h = await startPublishingHarness(); });
afterAll(async () => { await h?.dispose(); });

describe('approval', () => {
  it('holds a community manager\'s post for an admin, who sends it back with a comment, then approves it', async () => {
    expect((await h.owner.request('PUT', '/api/v1/publishing/settings', { approvalRequired: true, rhythm: {} })).status).toBe(200);
    const cm = await h.member('community_manager', 'karim@boutique-lea.fr');
    const admin = await h.member('admin', 'ines@boutique-lea.fr');
    const created = await cm.post('/api/v1/posts', { versions: [{ network: 'facebook', channelId: h.channels.meta, text: 'Atelier bougies samedi 14 h' }] });
    expect(created.status).toBe(201);
    const postId = created.body.id as string;

    const submitted = await cm.post(`/api/v1/posts/${postId}/schedule`);
    expect(submitted.body).toMatchObject({ status: 'pending_approval', approval: 'pending' });
    expect((await cm.post(`/api/v1/posts/${postId}/approve`)).status).toBe(403); // a community manager cannot approve
    expect((await cm.request('PUT', '/api/v1/publishing/settings', { approvalRequired: false, rhythm: {} })).status).toBe(403);

    const back = await admin.post(`/api/v1/posts/${postId}/send-back`, { comment: 'Ajoute le lien d’inscription' });
    expect(back.body).toMatchObject({ status: 'draft', approval: 'changes_requested', reviewComment: 'Ajoute le lien d’inscription' });
    const karim = (await cm.get('/api/v1/me')).body.user.id as string;
    const note = await h.relais.store.db.selectFrom('notifications').select('data').where('user_id', '=', karim).where('kind', '=', 'post').executeTakeFirstOrThrow();
    expect(JSON.parse(note.data)).toMatchObject({ postId, comment: 'Ajoute le lien d’inscription' });

    expect((await cm.patch(`/api/v1/posts/${postId}`, { link: 'https://maisonlune.fr/atelier' })).status).toBe(200);
    expect((await cm.post(`/api/v1/posts/${postId}/schedule`)).body.status).toBe('pending_approval');
    expect(h.sandbox.meta.pagePosts(PAGE)).toHaveLength(0);
    const approved = await admin.post(`/api/v1/posts/${postId}/approve`);
    expect(approved.body).toMatchObject({ status: 'scheduled', approval: 'approved' });
    await waitFor(async () => (await admin.get(`/api/v1/posts/${postId}`)).body.status === 'published', 15_000, 'the approved post to go out');
    expect(h.sandbox.meta.pagePosts(PAGE).map((p) => p.message)).toEqual(['Atelier bougies samedi 14 h']);

    // The post shows beside its comments: the inbox's platform post id leads back to it.
    const platformId = h.sandbox.meta.pagePosts(PAGE)[0]!.id;
    const behind = await admin.get(`/api/v1/publications/by-platform?channelId=${h.channels.meta}&platformId=${platformId}`);
    expect(behind.body).toMatchObject({ postId, network: 'facebook', text: 'Atelier bougies samedi 14 h' });
    // A published post is no longer editable; an agent cannot write posts at all.
    expect((await admin.patch(`/api/v1/posts/${postId}`, { link: null })).status).toBe(409);
    const agent = await h.member('agent', 'agent@boutique-lea.fr');
    expect((await agent.post('/api/v1/posts', { versions: [{ network: 'x', channelId: h.channels.x, text: 'x' }] })).status).toBe(403);
  });
});
