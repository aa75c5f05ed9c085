import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMetaHarness, type MetaHarness } from './testing.ts';

// Text search narrows the list; the list's own order, filters and cursors still apply, so
// a common word in a large inbox pages through every match.
describe('searching the inbox', () => {
  let h: MetaHarness;
  beforeEach(async () => { h = await startMetaHarness('sqlite'); });
  afterEach(async () => { await h.dispose(); });

  it('pages through every conversation that mentions a word, beyond the best-ranked few hundred', async () => {
    const db = h.relais.store.db;
    const now = h.relais.clock.now();
    const rows = Array.from({ length: 260 }, (_, i) => i);
    await db.insertInto('conversations').values(rows.map((i) => ({
      workspace_id: h.workspaceId, id: `cv_${String(i).padStart(4, '0')}`, channel_id: h.channelId, contact_id: null, kind: 'private' as const,
      status: (i % 2 === 0 ? 'open' : 'resolved') as 'open' | 'resolved', external_thread_id: `messenger:${i}`, subject: null, assignee_id: null, priority: 0,
      snoozed_until: null, last_message_at: now - i * 1000, created_at: now, updated_at: now,
    }))).execute();
    await db.insertInto('messages').values(rows.map((i) => ({
      workspace_id: h.workspaceId, id: `m_${i}`, conversation_id: `cv_${String(i).padStart(4, '0')}`, channel_id: h.channelId, direction: 'in' as const, kind: 'message' as const,
      author_type: 'contact' as const, author_id: null, text: `Ma commande n°${i} n'est pas arrivée`, external_id: `mid_${i}`, attachments: '[]', meta: '{}',
      platform_created_at: now - i * 1000, created_at: now, edited_at: null, platform_updated_at: null, reply_to_external_id: null,
    }))).execute();

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { conversations: { id: string }[]; nextCursor: string | null } = (await h.owner.get(`/api/v1/conversations?view=open&q=commande&limit=50${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.conversations.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(130);
    // Newest activity first: here the lowest numbers, every other one (the open ones).
    expect(seen).toEqual(rows.filter((i) => i % 2 === 0).map((i) => `cv_${String(i).padStart(4, '0')}`));
    expect((await h.owner.get('/api/v1/conversations?view=resolved&q=arrivee')).body.conversations).toHaveLength(30);
  });

  it('an empty search box is no search: ?q= lists like no q at all', async () => {
    const plain = await h.owner.get('/api/v1/conversations?view=open&limit=20');
    for (const q of ['', '%20%20']) {
      const empty = await h.owner.get(`/api/v1/conversations?view=open&limit=20&q=${q}`);
      expect(empty.status).toBe(200);
      expect(empty.body.conversations.map((c: { id: string }) => c.id)).toEqual(plain.body.conversations.map((c: { id: string }) => c.id));
    }
  });
});
