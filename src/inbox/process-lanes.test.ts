import { afterEach, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { testDialects } from '../store/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import { processDeliveries, processDeliveryJobs, type DeliveryJob } from './process-delivery.ts';
import { IG_ID, PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const dialects = await testDialects();
const T0 = Date.UTC(2026, 10, 23, 8, 30);
const POST = `${PAGE_ID}_42`;
const COMMENT = `${POST}_7`;

// The PostgreSQL worker takes several processing jobs at once and writes their deliveries in
// lanes side by side: whatever lands in one conversation must still be written in arrival order.
describe.each(dialects)('processing jobs fetched together on %s', (dialect) => {
  let h: MetaHarness;
  afterEach(async () => { await h.dispose(); });

  const record = (payloads: unknown[]) => h.record(payloads);
  const jobs = (...lists: string[][]): DeliveryJob[] => lists.map((eventIds, i) => ({ eventIds, job: { id: `job-${i}`, queue: 'inbound.process', attempt: 1, maxAttempts: 5 } }));
  const others = (from: number, count: number) => Array.from({ length: count }, (_, i) => meta.page(meta.message(PAGE_ID, { psid: `77700${from + i}`, mid: `m_other_${from + i}`, text: `Bonjour n°${from + i}`, at: T0 + from + i })));
  const comment = (verb: string, message: string, at: number) => meta.page(meta.comment(PAGE_ID, { commentId: COMMENT, postId: POST, from: { id: '5550001', name: 'Camille' }, message, at, verb }));

  it('writes a comment, its edits and its removal, and an unsent DM, in arrival order across jobs, among other conversations', async () => {
    h = await startMetaHarness(dialect, { startWorkers: false });
    const first = await record([
      ...others(0, 20),
      comment('add', 'texte initial', T0 + 1000),
      comment('edited', 'texte corrigé', T0 + 2000),
      meta.instagram(meta.instagramDm(IG_ID, { igsid: '8880001', mid: 'm_unsent', text: 'Oups', at: T0 + 1500 })),
    ]);
    const second = await record([
      comment('edited', 'texte corrigé deux fois', T0 + 3000),
      ...others(20, 12),
      comment('hide', '', T0 + 4000),
    ]);
    // Instagram tells an unsent message by its id, without its text.
    const unsent = meta.instagram({ id: IG_ID, time: T0 + 1600, messaging: [{ sender: { id: '8880001' }, recipient: { id: IG_ID }, timestamp: T0 + 1600, message: { mid: 'm_unsent', is_deleted: true } }] });
    const third = await record([unsent, comment('remove', '', T0 + 5000), ...others(32, 8)]);

    const outcomes = await processDeliveryJobs(h.relais.inbox, jobs(first, second, third), 4);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);

    const db = h.relais.store.db;
    const written = await db.selectFrom('messages').select(['id', 'text', 'status', 'edited_at']).where('external_id', '=', COMMENT).executeTakeFirstOrThrow();
    expect([written.text, written.status, written.edited_at]).toEqual(['texte corrigé deux fois', 'deleted', T0 + 3000]);
    // Each change in turn kept the text before it: nothing arrived ahead of what it changes.
    const history = await db.selectFrom('message_revisions').select(['text', 'status']).where('message_id', '=', written.id).orderBy('id').execute();
    expect(history.map((revision) => [revision.text, revision.status])).toEqual([
      ['texte initial', 'visible'], ['texte corrigé', 'visible'], ['texte corrigé deux fois', 'visible'], ['texte corrigé deux fois', 'hidden'],
    ]);
    const moderation = await db.selectFrom('moderation_log').select(['action', 'snapshot']).where('message_id', '=', written.id).orderBy('id').execute();
    expect(moderation.map((line) => [line.action, line.snapshot])).toEqual([['hide', 'texte corrigé deux fois'], ['delete', 'texte corrigé deux fois']]);
    const dm = await db.selectFrom('messages').select(['text', 'status']).where('external_id', '=', 'm_unsent').executeTakeFirstOrThrow();
    expect(dm).toEqual({ text: 'Oups', status: 'deleted' });

    // The 40 other customers: one contact, one conversation and one message each.
    const other = await db.selectFrom('messages').select('conversation_id').where('external_id', 'like', 'm_other_%').execute();
    expect(other).toHaveLength(40);
    expect(new Set(other.map((row) => row.conversation_id)).size).toBe(40);
    expect((await db.selectFrom('contacts').select('id').execute())).toHaveLength(42);
    const statuses = await db.selectFrom('inbound_events').select(['status', 'attempts']).execute();
    expect(statuses.every((row) => row.status === 'processed' && row.attempts === 1)).toBe(true);
  });

  it.runIf(dialect === 'postgres')('writes other conversations while one is held, each lane in its own transaction', async () => {
    h = await startMetaHarness(dialect, { startWorkers: false });
    const db = h.relais.store.db;
    const message = (psid: string, mid: string, at: number) => meta.page(meta.message(PAGE_ID, { psid, mid, text: `Bonjour ${mid}`, at }));
    const [opening] = await record([message('5550001', 'm_held_1', T0)]);
    await processDeliveries(h.relais.inbox, [opening!], { id: 'job-0', queue: 'inbound.process', attempt: 1, maxAttempts: 5 });
    const ids = await record([message('5550001', 'm_held_2', T0 + 1), message('5550002', 'm_free_1', T0 + 2), message('5550003', 'm_free_2', T0 + 3)]);
    const held = await db.selectFrom('messages').select('conversation_id').where('external_id', '=', 'm_held_1').executeTakeFirstOrThrow();

    let processing: Promise<PromiseSettledResult<void>[]> | undefined;
    await db.transaction().execute(async (trx) => {
      // Someone else holds the first customer's conversation: its lane waits for this commit.
      await trx.selectFrom('conversations').select('id').where('id', '=', held.conversation_id).forUpdate().execute();
      processing = processDeliveryJobs(h.relais.inbox, jobs(ids.slice(0, 2), ids.slice(2)), 4);
      await waitFor(async () => (await db.selectFrom('messages').select('id').where('external_id', 'in', ['m_free_1', 'm_free_2']).execute()).length === 2, 10_000, 'the other customers\' messages, written while the first waits');
      expect(await db.selectFrom('messages').select('id').where('external_id', '=', 'm_held_2').execute()).toEqual([]);
    });
    expect((await processing!).map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await db.selectFrom('messages').select('conversation_id').where('external_id', '=', 'm_held_2').executeTakeFirst()).toEqual({ conversation_id: held.conversation_id });
  });
});
