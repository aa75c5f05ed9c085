import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestStore, testDialects, type TestStore } from './testing.ts';
import { isUniqueViolation } from './errors.ts';

const dialects = await testDialects();

describe.each(dialects)('store on %s', (dialect) => {
  let store: TestStore;
  const now = Date.UTC(2026, 10, 23, 9, 30);

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await store.db.insertInto('workspaces').values([
      { id: 'ws_a', name: 'Boutique A', locale: 'fr', timezone: 'Europe/Paris', created_at: now },
      { id: 'ws_b', name: 'Boutique B', locale: 'fr', timezone: 'Europe/Paris', created_at: now },
    ]).execute();
    for (const ws of ['ws_a', 'ws_b']) {
      await store.db.insertInto('channels').values({ workspace_id: ws, id: `ch_${ws}`, kind: 'webchat', name: 'Site', external_id: null, settings: '{}', secrets: null, status: 'active', created_at: now, updated_at: now }).execute();
      await store.db.insertInto('conversations').values({ workspace_id: ws, id: `cv_${ws}`, channel_id: `ch_${ws}`, contact_id: null, kind: 'private', status: 'open', external_thread_id: null, subject: null, assignee_id: null, priority: 0, snoozed_until: null, last_message_at: now, created_at: now, updated_at: now }).execute();
    }
  });
  afterAll(async () => { await store?.drop(); });

  const message = (ws: string, id: string, text: string, externalId: string | null = null) => ({
    workspace_id: ws, id, conversation_id: `cv_${ws}`, channel_id: `ch_${ws}`, direction: 'in' as const, kind: 'message' as const,
    author_type: 'contact' as const, author_id: null, text, external_id: externalId, attachments: '[]', meta: '{}', platform_created_at: null, created_at: now,
  });

  it('migrates from empty and a second run applies nothing', async () => {
    expect((await store.migrate()).applied).toEqual([]);
    const tables = dialect === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(store.db)
      : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`.execute(store.db);
    const names = tables.rows.map((row) => row.name);
    for (const table of ['workspaces', 'users', 'memberships', 'sessions', 'invitations', 'api_tokens', 'channels', 'contacts', 'identities', 'conversations', 'messages', 'inbound_events', 'outbound', 'audit_log']) {
      expect(names).toContain(table);
    }
  });

  it('round-trips rows with times as numbers', async () => {
    await store.db.insertInto('users').values({ id: 'u1', email: 'lea@boutique.fr', name: 'Léa', password_hash: 'x', locale: 'fr', created_at: now, password_changed_at: now }).execute();
    const user = await store.db.selectFrom('users').selectAll().where('id', '=', 'u1').executeTakeFirstOrThrow();
    expect(user.created_at).toBe(now);
    expect(user.name).toBe('Léa');
    await store.db.updateTable('users').set({ name: 'Léa Martin' }).where('id', '=', 'u1').execute();
    expect((await store.db.selectFrom('users').select('name').where('id', '=', 'u1').executeTakeFirstOrThrow()).name).toBe('Léa Martin');
    await store.db.deleteFrom('users').where('id', '=', 'u1').execute();
    expect(await store.db.selectFrom('users').selectAll().where('id', '=', 'u1').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a second user with the same email', async () => {
    const row = { name: 'A', password_hash: 'x', locale: null, created_at: now, password_changed_at: now };
    await store.db.insertInto('users').values({ id: 'dup1', email: 'same@boutique.fr', ...row }).execute();
    const error = await store.db.insertInto('users').values({ id: 'dup2', email: 'same@boutique.fr', ...row }).execute().catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('refuses a membership with an unknown role or workspace', async () => {
    await store.db.insertInto('users').values({ id: 'u2', email: 'u2@boutique.fr', name: 'B', password_hash: 'x', locale: null, created_at: now, password_changed_at: now }).execute();
    await expect(store.db.insertInto('memberships').values({ workspace_id: 'ws_a', user_id: 'u2', role: 'superuser' as never, created_at: now }).execute()).rejects.toThrow();
    await expect(store.db.insertInto('memberships').values({ workspace_id: 'ws_missing', user_id: 'u2', role: 'agent', created_at: now }).execute()).rejects.toThrow();
  });

  it('keeps one message per platform id in a channel', async () => {
    await store.db.insertInto('messages').values(message('ws_a', 'm_ext1', 'bonjour', 'mid.1')).execute();
    const error = await store.db.insertInto('messages').values(message('ws_a', 'm_ext2', 'bonjour encore', 'mid.1')).execute().catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('finds messages by words, accents folded, prefix matched, scoped to the workspace', async () => {
    await store.db.insertInto('messages').values([
      message('ws_a', 'm1', 'Toujours pas reçu mon colis, je veux un remboursement !'),
      message('ws_a', 'm2', 'Merci pour la livraison rapide'),
      message('ws_b', 'm3', 'Remboursement demandé pour ma commande'),
    ]).execute();
    expect((await store.searchMessages('ws_a', 'remboursement')).map((h) => h.messageId)).toEqual(['m1']);
    expect((await store.searchMessages('ws_a', 'recu colis')).map((h) => h.messageId)).toEqual(['m1']);
    expect((await store.searchMessages('ws_a', 'livr')).map((h) => h.messageId)).toEqual(['m2']);
    expect((await store.searchMessages('ws_b', 'remboursement')).map((h) => h.messageId)).toEqual(['m3']);
    expect(await store.searchMessages('ws_a', 'introuvable')).toEqual([]);
  });

  it('narrows a conversation query to those mentioning every word', async () => {
    const ids = async (query: string) => {
      const matching = await store.conversationsMatching('ws_a', query);
      if (!matching) return [];
      expect(matching.cappedAt).toBeNull();
      return matching.ids;
    };
    expect(await ids('colis rembours')).toEqual(['cv_ws_a']);
    expect(await ids('commande')).toEqual([]); // only workspace B's message says it
    expect(await ids(' ! ')).toEqual([]);
  });

  it('treats search operators and quotes as plain words', async () => {
    await expect(store.searchMessages('ws_a', '"colis*" ^ -( : ')).resolves.toEqual([{ messageId: 'm1', conversationId: 'cv_ws_a' }]);
    await expect(store.searchMessages('ws_a', '   ')).resolves.toEqual([]);
  });

  it('follows edits and deletions in search', async () => {
    await store.db.updateTable('messages').set({ text: 'Merci pour la réponse' }).where('id', '=', 'm2').execute();
    expect(await store.searchMessages('ws_a', 'livraison')).toEqual([]);
    expect((await store.searchMessages('ws_a', 'reponse')).map((h) => h.messageId)).toEqual(['m2']);
    await store.db.deleteFrom('messages').where('id', '=', 'm2').execute();
    expect(await store.searchMessages('ws_a', 'reponse')).toEqual([]);
  });

  it('rolls back every write of a failed transaction', async () => {
    const attempt = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('contacts').values({ workspace_id: 'ws_a', id: 'c_rb', name: 'Rollback', email: null, phone: null, avatar_url: null, created_at: now, updated_at: now }).execute();
      await trx.insertInto('messages').values(message('ws_a', 'm_rb', 'annulé')).execute();
      throw new Error('boom');
    });
    await expect(attempt).rejects.toThrow('boom');
    expect(await store.db.selectFrom('contacts').selectAll().where('id', '=', 'c_rb').executeTakeFirst()).toBeUndefined();
    expect(await store.db.selectFrom('messages').selectAll().where('id', '=', 'm_rb').executeTakeFirst()).toBeUndefined();
    expect(await store.searchMessages('ws_a', 'annule')).toEqual([]);
  });

  it('cascades a deleted conversation to its messages', async () => {
    await store.db.deleteFrom('conversations').where('workspace_id', '=', 'ws_b').where('id', '=', 'cv_ws_b').execute();
    expect(await store.db.selectFrom('messages').selectAll().where('workspace_id', '=', 'ws_b').execute()).toEqual([]);
  });
});
