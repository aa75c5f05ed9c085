import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from '../inbox/testing.ts';
import { testDialects } from '../store/testing.ts';
import { purgeExpiredContests } from './purge-contests.ts';
import { getContest } from './contest-view.ts';
import { contestsDepsFrom } from './deps.ts';
import { refreshEntries } from './refresh-entries.ts';
import { proofBundle } from './run-draw.ts';

const HOUR = 3_600_000;

// Entries are personal data: exported with the contact, erased with them, deleted after the contest.
const dialects = await testDialects();

describe.each(dialects)('contest entries and the GDPR on %s', (dialect) => {
  let h: MetaHarness;
  let contestId: string;
  let camille: string;
  const T0 = Date.UTC(2026, 10, 23, 9, 0);

  // One workspace, in order: refreshes, export, erasure, then retention.
  beforeAll(async () => {
    h = await startMetaHarness(dialect);
    h.relais.clock.set(T0);
    await h.post(meta.page(
      meta.comment(PAGE_ID, { commentId: `${PAGE_ID}_42_1`, postId: `${PAGE_ID}_42`, from: { id: '5550001', name: 'Camille Dupont' }, message: 'Je participe #Lune @amie', at: T0 + 60_000 }),
      meta.comment(PAGE_ID, { commentId: `${PAGE_ID}_42_2`, postId: `${PAGE_ID}_42`, from: { id: '5550002', name: 'Hugo Leroy' }, message: 'Moi aussi #Lune', at: T0 + 120_000 }),
    ));
    await h.settle();
    const post = (await h.owner.get('/api/v1/contests/posts')).body.posts[0];
    const created = await h.owner.post('/api/v1/contests', { name: 'Lune', startsAt: T0, endsAt: T0 + 3 * HOUR, winners: 1, postIds: [post.id], keyword: '#Lune' });
    contestId = created.body.contest.id;
    expect((await h.owner.get(`/api/v1/contests/${contestId}/entries`)).body.entries).toHaveLength(2);
    camille = (await h.relais.store.db.selectFrom('contacts').select('id').where('name', '=', 'Camille Dupont').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await h?.dispose(); });

  const entriesOf = async (contactId?: string) => {
    let query = h.relais.store.db.selectFrom('contest_entries').select(['id', 'contact_id']);
    if (contactId) query = query.where('contact_id', '=', contactId);
    return query.execute();
  };

  it('keeps one row per entry when refreshes run at the same time (a job and page loads)', async () => {
    const deps = contestsDepsFrom(h.relais.inbox, () => undefined);
    await Promise.all(Array.from({ length: 5 }, () => refreshEntries(deps, h.workspaceId, contestId)));
    expect(await entriesOf()).toHaveLength(2);
  });

  it('puts the contact\'s entries in their export, with eligibility and reason', async () => {
    const exported = await h.owner.post(`/api/v1/contacts/${camille}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.contestEntries).toEqual([expect.objectContaining({ contest: 'Lune', network: 'facebook', text: 'Je participe #Lune @amie', eligible: true, reason: null, drawn: null })]);
  });

  it('erases the entries with the contact, and the others stay', async () => {
    expect(await entriesOf(camille)).toHaveLength(1);
    expect((await h.owner.post(`/api/v1/contacts/${camille}/erase`, { confirm: true })).status).toBe(200);
    expect(await entriesOf(camille)).toHaveLength(0);
    expect(await entriesOf()).toHaveLength(1);
  });

  it('deletes entries, winners and the frozen list 6 months after the contest, not before', async () => {
    // Hugo's entry is left after Camille's erasure.
    h.relais.clock.set(T0 + 4 * HOUR);
    expect((await h.owner.post(`/api/v1/contests/${contestId}/draw`)).status).toBe(200);
    const deps = { db: h.relais.store.db, clock: h.relais.clock, logger: h.relais.logger };
    h.relais.clock.set(Date.UTC(2027, 4, 23, 11, 0)); // the end (Nov 23, 12:00 UTC) plus 6 months, less an hour
    expect(await purgeExpiredContests(deps)).toBe(0);
    expect(await entriesOf()).toHaveLength(1);
    h.relais.clock.set(Date.UTC(2027, 4, 23, 12, 1));
    expect(await purgeExpiredContests(deps)).toBe(1);
    expect(await entriesOf()).toHaveLength(0);
    expect(await h.relais.store.db.selectFrom('contest_winners').select('entry_id').execute()).toEqual([]);
    const view = await getContest(h.relais.store.db, h.workspaceId, contestId);
    expect(view.purgedAt).not.toBeNull();
    expect(view.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect((await proofBundle({ db: h.relais.store.db }, h.workspaceId, contestId)).entriesCsv).toBe('');
  });
});
