import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { testDialects } from '../store/testing.ts';
import { monitorSla, type OnSlaEvent } from './sla-monitor.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const dialects = await testDialects();
const MONDAY_10H = Date.UTC(2026, 10, 23, 9, 0);

// A shop with more conversations owed a reply than one page of the monitor still has every
// one of them watched: the newest ones (last in id order) are not left out.
describe.each(dialects)('SLA monitor beyond one page (%s)', (dialect) => {
  let h: MetaHarness;
  beforeAll(async () => { h = await startMetaHarness(dialect); }, 30_000);
  afterAll(async () => { await h?.dispose(); });

  it('announces the breach of every conversation, page after page', async () => {
    for (const psid of ['p-1', 'p-2', 'p-3', 'p-4', 'p-5']) {
      await h.post(meta.page(meta.message(PAGE_ID, { psid, mid: `m-${psid}`, text: 'Bonjour ?', at: MONDAY_10H })));
    }
    await h.settle();
    await h.relais.queue.stop();
    const breached = new Set<string>();
    const onSlaEvent: OnSlaEvent = async (_ws, conversationId, event) => { if (event === 'sla_breached') breached.add(conversationId); };
    h.relais.clock.advance(90 * 60_000);
    await monitorSla(h.relais.inbox, onSlaEvent, { limit: 2 });
    const owed = await h.relais.store.db.selectFrom('conversations').select('id').where('workspace_id', '=', h.workspaceId).execute();
    expect(owed).toHaveLength(5);
    expect([...breached].sort()).toEqual(owed.map((c) => c.id).sort());
  }, 30_000);
});
