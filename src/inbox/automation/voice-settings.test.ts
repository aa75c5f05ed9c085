import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../store/testing.ts';
import { startMetaHarness, type MetaHarness } from '../testing.ts';

const dialects = await testDialects();

// A stored voice the current schema no longer reads (written by another version of Relais)
// falls back to the defaults, and saving a new one still works: it becomes the next version.
describe.each(dialects)('brand voice over an unreadable stored version (%s)', (dialect) => {
  let h: MetaHarness;
  beforeAll(async () => { h = await startMetaHarness(dialect, { startWorkers: false }); }, 30_000);
  afterAll(async () => { await h?.dispose(); });

  it('saves over it as the next version', async () => {
    await h.relais.store.db.insertInto('workspace_settings').values({
      workspace_id: h.workspaceId, key: 'voice', version: 3, value: JSON.stringify({ address: 'toi' }), created_at: h.relais.clock.now(), created_by: null,
    }).execute();
    expect((await h.owner.get('/api/v1/voice')).body).toMatchObject({ address: 'vous' });
    const saved = await h.owner.request('PUT', '/api/v1/voice', { address: 'tu', emoji: 'none', avoidWords: [] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ address: 'tu', version: 4 });
    expect((await h.owner.get('/api/v1/voice')).body).toMatchObject({ address: 'tu', version: 4 });
  });
});
