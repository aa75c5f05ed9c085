import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestStore, testDialects, type TestStore } from './testing.ts';
import { refreshStatistics } from './statistics.ts';
import { waitFor } from '../jobs/testing.ts';

// Where autovacuum is off, Relais keeps the planner's statistics itself: without them a
// growing table looks empty and a look-up by platform id may filter a whole channel's rows.
const hasPostgres = (await testDialects()).includes('postgres');
const now = Date.UTC(2026, 11, 8, 9, 0);

describe.runIf(hasPostgres)('table statistics on PostgreSQL', () => {
  let store: TestStore;
  let autovacuumOff = false;
  beforeAll(async () => {
    store = await createTestStore('postgres');
    autovacuumOff = (await sql<{ setting: string }>`SELECT current_setting('autovacuum') AS setting`.execute(store.db)).rows[0]?.setting === 'off';
    await store.db.insertInto('workspaces').values({ id: 'ws_a', name: 'Boutique A', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
    await store.db.insertInto('channels').values({ workspace_id: 'ws_a', id: 'ch_a', kind: 'meta', name: 'Page', external_id: 'page', settings: '{}', secrets: null, status: 'active', created_at: now, updated_at: now }).execute();
    const conversations = Array.from({ length: 3000 }, (_, i) => ({
      workspace_id: 'ws_a', id: `cv_${i}`, channel_id: 'ch_a', contact_id: null, kind: 'private' as const, status: 'open' as const, external_thread_id: `messenger:${i}`,
      subject: null, assignee_id: null, priority: 0, snoozed_until: null, last_message_at: now + i, created_at: now, updated_at: now,
    }));
    for (let start = 0; start < conversations.length; start += 500) await store.db.insertInto('conversations').values(conversations.slice(start, start + 500)).execute();
  });
  afterAll(async () => { await store?.drop(); });

  it('analyzes the tables that changed, once, and then looks a thread up through its own index', async () => {
    if (!autovacuumOff) {
      // Autovacuum does it: nothing to do here.
      expect(await refreshStatistics(store.db, 'postgres')).toEqual([]);
      return;
    }
    // The server counts changes a moment after they commit (its statistics are flushed within a second).
    const analyzed = new Set<string>();
    await waitFor(async () => {
      for (const table of await refreshStatistics(store.db, 'postgres')) analyzed.add(table);
      return analyzed.has('conversations');
    }, 5000, 'the conversations table to be analyzed');
    expect([...analyzed]).toEqual(expect.arrayContaining(['conversations', 'channels', 'workspaces']));
    expect(await refreshStatistics(store.db, 'postgres')).not.toContain('conversations');

    const { rows: [plan] } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Index Name'?: string; 'Node Type': string } }] }>`EXPLAIN (FORMAT JSON)
      SELECT id, contact_id FROM conversations WHERE workspace_id = ${'ws_a'} AND channel_id = ${'ch_a'} AND external_thread_id = ${'messenger:1234'}`.execute(store.db);
    expect(plan!['QUERY PLAN'][0].Plan['Index Name']).toBe('conversations_thread_uq');
  });

  it('does nothing on SQLite', async () => {
    expect(await refreshStatistics(store.db, 'sqlite')).toEqual([]);
  });
});
