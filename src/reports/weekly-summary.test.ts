import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../kernel/index.ts';
import { createTestStore, type TestStore } from '../store/testing.ts';
import { rawRows } from './testing.ts';
import { sendWeeklySummaries } from './weekly-summary.ts';

describe('the weekly summary', () => {
  let store: TestStore;
  const workspaceId = newId();
  const owner = newId();
  const agent = newId();
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const db = store.db;
    await db.insertInto('workspaces').values({ id: workspaceId, name: 'Maison Lune', locale: 'fr', timezone: 'Europe/Paris', created_at: 0 }).execute();
    for (const [id, role] of [[owner, 'owner'], [agent, 'agent']] as const) {
      await db.insertInto('users').values({ id, email: `${id}@example.com`, name: role, password_hash: 'x', locale: null, created_at: 0, password_changed_at: 0 }).execute();
      await db.insertInto('memberships').values({ workspace_id: workspaceId, user_id: id, role, created_at: 0 }).execute();
    }
    const raw = rawRows(() => db, workspaceId);
    const channelId = await raw.channel('x');
    // Tuesday 3 March 2026, 10:00 Paris: answered after 12 minutes.
    const c = await raw.conversation(channelId, Date.UTC(2026, 2, 3, 9));
    await raw.message({ conversationId: c, channelId, direction: 'in', at: Date.UTC(2026, 2, 3, 9), sentiment: 'positive' });
    await raw.message({ conversationId: c, channelId, direction: 'out', author: 'user', authorId: agent, at: Date.UTC(2026, 2, 3, 9, 12) });
  });
  afterAll(async () => store?.drop());

  it('tells owners and admins last week’s figures once, on Monday from 8:00 local time', async () => {
    const at = (iso: string) => ({ now: () => Date.parse(iso) });
    const deps = (now: string) => ({ db: store.db, dialect: 'sqlite' as const, clock: at(now) });
    expect(await sendWeeklySummaries(deps('2026-03-09T06:30:00Z'))).toBe(0); // 7:30 in Paris
    expect(await sendWeeklySummaries(deps('2026-03-09T07:05:00Z'))).toBe(1); // 8:05: the owner only
    expect(await sendWeeklySummaries(deps('2026-03-09T08:05:00Z'))).toBe(0); // once a week
    const rows = await store.db.selectFrom('notifications').selectAll().execute();
    expect(rows.map((r) => [r.user_id, r.kind])).toEqual([[owner, 'weekly_report']]);
    expect(JSON.parse(rows[0]!.data)).toMatchObject({ from: '2026-03-02', to: '2026-03-09', conversations: 1, firstResponseMedianMs: 12 * 60_000, withinSlaShare: 1, score: 1 });
  });
});
