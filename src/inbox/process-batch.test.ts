import { afterEach, describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { metaProvider, type ChannelProvider, type InboundItem } from '../channels/index.ts';
import { meta } from '../channels/testing.ts';
import { processDeliveries } from './process-delivery.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const T0 = Date.UTC(2026, 10, 23, 8, 30);
/** Holds the thread, as a slow delivery would. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

// A parser bug that only shows when the message is written: a text the database refuses.
const poisoned: ChannelProvider = {
  ...metaProvider,
  parse(body: string) {
    const items = metaProvider.parse(body);
    return body.includes('poison') ? items.map((item) => ({ ...item, text: null }) as unknown as InboundItem) : items;
  },
};

// Deliveries recorded together are processed together, a few per transaction; one that
// fails there must neither hold back nor undo the others.
describe('deliveries processed together', () => {
  let h: MetaHarness;
  afterEach(async () => { await h.dispose(); });

  async function record(texts: string[]): Promise<string[]> {
    for (const [i, text] of texts.entries()) {
      expect((await h.post(meta.page(meta.message(PAGE_ID, { psid: `55500${i}`, mid: `m_batch_${i}`, text, at: T0 + i })))).status).toBe(200);
    }
    const rows = await h.relais.store.db.selectFrom('inbound_events').select('id').orderBy('id').execute();
    return rows.map((row) => row.id);
  }

  const stored = async () => (await h.relais.store.db.selectFrom('messages').select('text').orderBy('platform_created_at').execute()).map((row) => row.text);
  const statuses = async () => (await h.relais.store.db.selectFrom('inbound_events').select('status').orderBy('id').execute()).map((row) => row.status);

  it('stores the good deliveries of a batch and fails the job for a bad one until its last attempt, then parks it', async () => {
    h = await startMetaHarness('sqlite', { providers: [poisoned], startWorkers: false });
    const ids = await record(['Bonjour 👋', 'poison', 'Mon colis ?']);

    await expect(processDeliveries(h.relais.inbox, ids, { id: 'job', queue: 'inbound.process', attempt: 1, maxAttempts: 2 })).rejects.toThrow();
    expect(await stored()).toEqual(['Bonjour 👋', 'Mon colis ?']);
    expect(await statuses()).toEqual(['processed', 'received', 'processed']);
    expect((await h.owner.get('/api/v1/conversations')).body.conversations).toHaveLength(2);

    // The retry skips what is done; on the last attempt the bad one is parked for an admin.
    await processDeliveries(h.relais.inbox, ids, { id: 'job', queue: 'inbound.process', attempt: 2, maxAttempts: 2 });
    expect(await stored()).toEqual(['Bonjour 👋', 'Mon colis ?']);
    expect(await statuses()).toEqual(['processed', 'parked', 'processed']);
  });

  // On `relais start`, a webhook acknowledgement waiting for SQLite's write lock must not wait
  // for a whole group of deliveries: processing commits what it has written and lets it in.
  it('commits after the delivery in progress when a webhook acknowledgement waits for the write lock, and loses none', async () => {
    h = await startMetaHarness('sqlite', { startWorkers: false });
    const ids = await record(Array.from({ length: 9 }, (_, i) => `Message ${i}`));
    const file = h.relais.store.target.kind === 'sqlite' ? h.relais.store.target.file : '';
    const reader = new SqliteDatabase(file, { readonly: true });
    const committed = () => (reader.prepare(`SELECT count(*) AS n FROM inbound_events WHERE status = 'processed'`).get() as { n: number }).n;
    try {
      // Nobody waits: one transaction for the three; another connection sees none done until the end.
      let seen: number[] = [];
      h.relais.inbox.writersWaiting = () => { seen.push(committed()); return 0; };
      await processDeliveries(h.relais.inbox, ids.slice(0, 3), { id: 'job', queue: 'inbound.process', attempt: 1, maxAttempts: 5 });
      expect(seen).toEqual([0, 0]);
      // Someone waits once the transaction has run a few milliseconds (each delivery is slow
      // here): each is committed before the next is written; the check after the fourth sees
      // the three before it, the one after the fifth sees four.
      seen = [];
      h.relais.inbox.writersWaiting = () => { seen.push(committed()); busy(10); return 1; };
      await processDeliveries(h.relais.inbox, ids.slice(3, 6), { id: 'job', queue: 'inbound.process', attempt: 1, maxAttempts: 5 });
      expect(seen).toEqual([3, 4]);
      // 16 acknowledgements or more waiting: each is committed once its turn has run 4 ms; and
      // in a burst (webhooks recorded faster than 2,000/s) each turn is followed by a 50 ms
      // rest, so the acknowledgements keep the writer.
      seen = [];
      h.relais.inbox.writersWaiting = () => { seen.push(committed()); busy(5); return 16; };
      h.relais.inbox.intakeRate = () => 2500;
      const started = performance.now();
      await processDeliveries(h.relais.inbox, ids.slice(6), { id: 'job', queue: 'inbound.process', attempt: 1, maxAttempts: 5 });
      expect(seen).toEqual([6, 7]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      reader.close();
    }
    expect(await stored()).toEqual(Array.from({ length: 9 }, (_, i) => `Message ${i}`));
    expect(await statuses()).toEqual(Array(9).fill('processed'));
  });

  it('publishes a batch\'s messages once committed, and leaves no routing or rules job behind when no team or rule needs one', async () => {
    h = await startMetaHarness('sqlite', { startWorkers: false });
    const ids = await record(['Bonjour', 'Re-bonjour', 'Toujours là ?']);
    const heard: string[] = [];
    h.relais.bus.subscribe(h.workspaceId, (event) => heard.push(event.type));
    await processDeliveries(h.relais.inbox, ids, { id: 'job', queue: 'inbound.process', attempt: 1, maxAttempts: 5 });
    expect(await stored()).toEqual(['Bonjour', 'Re-bonjour', 'Toujours là ?']);
    expect(heard.filter((type) => type === 'message.created')).toHaveLength(3);
    // No team serves the channel: nobody to assign, and no job left behind for it.
    const jobs = await h.relais.store.db.selectFrom('jobs').select('queue').where('state', '=', 'queued').execute();
    expect(jobs.map((job) => job.queue).filter((queue) => queue === 'routing.assign' || queue === 'rules.run')).toEqual([]);
  });
});
