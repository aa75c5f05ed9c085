import { afterEach, describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { meta } from '../channels/testing.ts';
import { testDialects } from '../store/testing.ts';
import { processDeliveries } from './process-delivery.ts';
import { IG_ID, PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const dialects = await testDialects();
const T0 = Date.UTC(2026, 11, 8, 9, 0);
const POST = `${PAGE_ID}_42`;
const job = { id: 'job', queue: 'inbound.process', attempt: 1, maxAttempts: 5 };

// A transaction of deliveries reads the messages, customers and threads it will need up front.
// What one delivery writes must be seen by the next ones of the same transaction: a customer
// writing twice, an event delivered twice, a comment edited or answered, a DM unsent.
describe.each(dialects)('deliveries of one transaction that build on each other, on %s', (dialect) => {
  let h: MetaHarness;
  afterEach(async () => { await h.dispose(); });

  const record = (payloads: unknown[]) => h.record(payloads);
  const dm = (psid: string, mid: string, text: string, at: number) => meta.page(meta.message(PAGE_ID, { psid, mid, text, at }));
  const comment = (input: { id: string; from: string; message: string; at: number; verb?: string; parentId?: string }) =>
    meta.page(meta.comment(PAGE_ID, { commentId: input.id, postId: POST, from: { id: input.from, name: 'Camille' }, message: input.message, at: input.at, ...(input.verb ? { verb: input.verb } : {}), ...(input.parentId ? { parentId: input.parentId } : {}) }));

  /** A harness whose processing reads ahead, as on PostgreSQL, on either database. */
  async function start(): Promise<MetaHarness> {
    const harness = await startMetaHarness(dialect, { startWorkers: false });
    harness.relais.inbox.readsAhead = true;
    return harness;
  }

  it('writes one contact, one conversation and one message per event, and applies edits, replies and unsends to what came earlier in the transaction', async () => {
    h = await start();
    const db = h.relais.store.db;
    // A customer known before this transaction.
    await processDeliveries(h.relais.inbox, await record([dm('5550009', 'm_before', 'Bonjour', T0)]), job);

    const ids = await record([
      dm('5550001', 'm_1', 'Où est ma commande ?', T0 + 1),
      dm('5550001', 'm_2', 'Commande n°1042', T0 + 2),
      // The same event again, in a delivery of other bytes (Meta batches differently on a retry).
      meta.page({ ...meta.message(PAGE_ID, { psid: '5550001', mid: 'm_1', text: 'Où est ma commande ?', at: T0 + 1 }), time: T0 + 50 }),
      dm('5550009', 'm_after', 'Encore moi', T0 + 3),
      comment({ id: `${POST}_7`, from: '6660001', message: 'Livraison lente', at: T0 + 4 }),
      comment({ id: `${POST}_7`, from: '6660001', message: 'Livraison très lente', at: T0 + 5, verb: 'edited' }),
      comment({ id: `${POST}_8`, from: '6660002', message: 'Pareil pour moi', at: T0 + 6, parentId: `${POST}_7` }),
      meta.instagram(meta.instagramDm(IG_ID, { igsid: '8880001', mid: 'm_oups', text: 'Oups', at: T0 + 7 })),
      meta.instagram({ id: IG_ID, time: T0 + 8, messaging: [{ sender: { id: '8880001' }, recipient: { id: IG_ID }, timestamp: T0 + 8, message: { mid: 'm_oups', is_deleted: true } }] }),
    ]);
    // In one transaction: had one delivery missed what an earlier one wrote, its insert would
    // clash and the transaction would roll back (the deliveries then go one by one).
    const rollbacks = await countStatements(/^rollback/i, () => processDeliveries(h.relais.inbox, ids, job));
    if (dialect === 'sqlite') expect(rollbacks).toBe(0);

    const messages = await db.selectFrom('messages').select(['external_id', 'conversation_id', 'author_id', 'text', 'status']).execute();
    const by = (externalId: string) => messages.find((message) => message.external_id === externalId)!;
    expect(messages.map((message) => message.external_id).sort()).toEqual([`${POST}_7`, `${POST}_8`, 'm_1', 'm_2', 'm_after', 'm_before', 'm_oups']);
    // One contact and conversation for the customer who wrote twice; the earlier customer's own.
    expect(by('m_2').conversation_id).toBe(by('m_1').conversation_id);
    expect(by('m_2').author_id).toBe(by('m_1').author_id);
    expect(by('m_after').conversation_id).toBe(by('m_before').conversation_id);
    expect(by('m_after').author_id).toBe(by('m_before').author_id);
    // The edit reached the comment written just before it, and the reply joined its thread.
    expect(by(`${POST}_7`).text).toBe('Livraison très lente');
    expect(await db.selectFrom('message_revisions').select('text').execute()).toEqual([{ text: 'Livraison lente' }]);
    expect(by(`${POST}_8`).conversation_id).toBe(by(`${POST}_7`).conversation_id);
    expect(by('m_oups').status).toBe('deleted');
    // Customers: 5550009, 5550001, the two commenters and the Instagram one; one identity each.
    expect(await db.selectFrom('contacts').select('id').execute()).toHaveLength(5);
    expect(await db.selectFrom('identities').select('id').execute()).toHaveLength(5);
    expect(await db.selectFrom('conversations').select('id').execute()).toHaveLength(4);
  });

  it.runIf(dialect === 'sqlite')('reads known messages and customers once for the transaction, not once per delivery', async () => {
    h = await start();
    const ids = await record(Array.from({ length: 12 }, (_, i) => dm(`55510${i}`, `m_many_${i}`, `Bonjour n°${i}`, T0 + i)));
    const reads = await countStatements(/from "(messages|identities)" where .*"external_id" (=|in)/, () => processDeliveries(h.relais.inbox, ids, job));
    expect(await h.relais.store.db.selectFrom('messages').select('id').execute()).toHaveLength(12);
    // One for the messages and one for the customers: not 12 of each.
    expect(reads).toBe(2);
  });
});

/** How many SQLite statements whose text matches `pattern` ran during `work` (better-sqlite3 statements share one prototype). */
async function countStatements(pattern: RegExp, work: () => Promise<unknown>): Promise<number> {
  const probe = new SqliteDatabase(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<'all' | 'get' | 'run', (...args: unknown[]) => unknown>;
  probe.close();
  const original = { all: proto.all, get: proto.get, run: proto.run };
  let count = 0;
  for (const name of ['all', 'get', 'run'] as const) {
    proto[name] = function counted(this: { source: string }, ...args: unknown[]) {
      if (pattern.test(this.source)) count++;
      return original[name].apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    Object.assign(proto, original);
  }
  return count;
}
