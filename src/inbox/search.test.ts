import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_DEPTH } from '../store/index.ts';
import { testDialects } from '../store/testing.ts';
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

// A common word in a big inbox: the search reads the SEARCH_DEPTH newest matching messages
// only, and the answer says so, so the console can ask for a narrower search.
describe.each(await testDialects())('a search past its depth (%s)', (dialect) => {
  let h: MetaHarness | undefined;
  afterEach(async () => { await h?.dispose(); h = undefined; });

  it('says the list holds the newest matches only, and says nothing for a search within the depth', async () => {
    h = await startMetaHarness(dialect);
    const db = h.relais.store.db;
    const now = h.relais.clock.now();
    const conversations = 40;
    await db.insertInto('conversations').values(Array.from({ length: conversations }, (_, i) => ({
      workspace_id: h!.workspaceId, id: `cv_${String(i).padStart(3, '0')}`, channel_id: h!.channelId, contact_id: null, kind: 'private' as const,
      status: 'open' as const, external_thread_id: `messenger:${i}`, subject: null, assignee_id: null, priority: 0,
      snoozed_until: null, last_message_at: now - i * 1000, created_at: now, updated_at: now,
    }))).execute();
    // One message past the depth says "commande"; "retour" only in a few.
    const messages = Array.from({ length: SEARCH_DEPTH + 1 }, (_, i) => ({
      workspace_id: h!.workspaceId, id: `m_${i}`, conversation_id: `cv_${String(i % conversations).padStart(3, '0')}`, channel_id: h!.channelId, direction: 'in' as const,
      kind: 'message' as const, author_type: 'contact' as const, author_id: null, text: i % 1000 === 0 ? `Retour de la commande ${i}` : `Ma commande ${i} est en route ?`,
      external_id: `mid_${i}`, attachments: '[]', meta: '{}', platform_created_at: now - i, created_at: now - i, edited_at: null, platform_updated_at: null, reply_to_external_id: null,
    }));
    for (let i = 0; i < messages.length; i += 1000) await db.insertInto('messages').values(messages.slice(i, i + 1000)).execute();

    const common = await h.owner.get('/api/v1/conversations?view=open&q=commande');
    expect(common.status).toBe(200);
    expect(common.body.searchCappedAt).toBe(SEARCH_DEPTH);
    expect(common.body.conversations).toHaveLength(30);
    const rare = await h.owner.get('/api/v1/conversations?view=open&q=retour%20commande');
    expect(rare.body.searchCappedAt).toBeNull();
    expect(rare.body.conversations.map((c: { id: string }) => c.id)).toEqual(['cv_000']);
    // Under the depth by one message: not capped.
    await db.deleteFrom('messages').where('workspace_id', '=', h.workspaceId).where('id', '=', 'm_1').execute();
    expect((await h.owner.get('/api/v1/conversations?view=open&q=commande')).body.searchCappedAt).toBeNull();
    expect((await h.owner.get('/api/v1/conversations?view=open')).body.searchCappedAt).toBeNull();
  });
});
