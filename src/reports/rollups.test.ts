import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseContact } from '../privacy/index.ts';
import type { TestRelais } from '../http/testing.ts';
import { newId } from '../kernel/index.ts';
import { rebuildDurationsFromFacts, ROLLUP_COUNTERS } from '../store/index.ts';
import { testDialects } from '../store/testing.ts';
import { careReport } from './care-report.ts';
import { summarize } from './percentile.ts';
import { refreshDirty, rebuildReports } from './refresh-reports.ts';
import { responseTimes } from './response-times.ts';
import { rawRows, startReportsRelais } from './testing.ts';

const HOUR = 3_600_000;

/** A seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

// The rollups are moved by differences as conversations change; after any mix of changes they
// must equal the rollups rebuilt from nothing, row for row.
describe.each(await testDialects())('rollups after random changes (%s)', (dialect) => {
  let relais: TestRelais;
  let workspaceId: string;
  beforeAll(async () => {
    ({ relais, workspaceId } = await startReportsRelais(dialect));
  });
  afterAll(async () => relais?.dispose());

  const snapshot = async () => {
    const db = relais.store.db;
    const daily = (await db.selectFrom('report_daily').selectAll().where('workspace_id', '=', workspaceId).execute())
      .map((row) => ({ ...row, ...Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, Number(row[c])])) }))
      .filter((row) => ROLLUP_COUNTERS.some((c) => row[c] !== 0))
      .sort((a, b) => `${a.day}|${a.hour}|${a.channel_id}|${a.kind}|${a.agent_id}`.localeCompare(`${b.day}|${b.hour}|${b.channel_id}|${b.kind}|${b.agent_id}`));
    const facts = (await db.selectFrom('report_conversations').selectAll().where('workspace_id', '=', workspaceId).orderBy('conversation_id').execute())
      .map(({ refreshed_at: _r, ...row }) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) && k !== 'conversation_id' ? Number(v) : v])));
    const responses = (await db.selectFrom('report_responses').selectAll().where('workspace_id', '=', workspaceId).orderBy('conversation_id').orderBy('cycle').execute())
      .map((row) => ({ ...row, started_at: Number(row.started_at), answered_at: Number(row.answered_at), calendar_ms: Number(row.calendar_ms), business_ms: Number(row.business_ms) }));
    const durations = (await db.selectFrom('report_durations').selectAll().where('workspace_id', '=', workspaceId).execute())
      .map((row) => ({ ...row, span: Number(row.span), day: Number(row.day), bucket: Number(row.bucket), n: Number(row.n), total_ms: Number(row.total_ms) }))
      .filter((row) => row.n !== 0 || row.total_ms !== 0)
      .sort((a, b) => `${a.measure}|${a.span}|${a.day}|${a.channel_id}|${String(a.bucket).padStart(4, '0')}`.localeCompare(`${b.measure}|${b.span}|${b.day}|${b.channel_id}|${String(b.bucket).padStart(4, '0')}`));
    return { daily, facts, responses, durations };
  };

  it('equal a recomputation from the raw rows after inserts, edits, deletions, erasures and reopenings', async () => {
    const db = () => relais.store.db;
    const raw = rawRows(db, workspaceId);
    const next = random(dialect === 'sqlite' ? 7 : 11);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const channels = [await raw.channel('x'), await raw.channel('meta', 'Facebook')];
    const agent = (await db().selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).user_id;
    const contacts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = newId();
      await db().insertInto('contacts').values({ workspace_id: workspaceId, id, name: `Client ${i}`, email: `client${i}@example.com`, phone: null, avatar_url: null, created_at: 0, updated_at: 0 }).execute();
      contacts.push(id);
    }
    const conversations: { id: string; channelId: string }[] = [];
    const messages: string[] = [];
    let at = Date.UTC(2026, 2, 27, 6);
    let erasures = 0;
    for (let step = 0; step < 160; step++) {
      at += Math.floor(next() * 5 * HOUR);
      const roll = next();
      if (conversations.length === 0 || roll < 0.15) {
        const channelId = pick(channels);
        conversations.push({ id: await raw.conversation(channelId, at, { contactId: pick(contacts), kind: next() < 0.5 ? 'public' : 'private' }), channelId });
      }
      const conversation = pick(conversations);
      if (roll < 0.55) {
        messages.push(await raw.message({ conversationId: conversation.id, channelId: conversation.channelId, direction: 'in', at, sentiment: pick(['positive', 'neutral', 'negative', null] as const), text: 'bonjour' }));
      } else if (roll < 0.75) {
        messages.push(await raw.message({ conversationId: conversation.id, channelId: conversation.channelId, direction: 'out', at, author: pick(['user', 'brand', 'bot'] as const), authorId: agent, unsent: next() < 0.1 }));
      } else if (roll < 0.82 && messages.length > 0) {
        // An edit, an agent's correction, or the platform's deletion.
        const id = pick(messages);
        const change = pick([{ text: 'modifié' }, { sentiment: 'negative' as const, classified_by: 'agent' as const }, { status: 'deleted' as const }]);
        await db().updateTable('messages').set(change).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      } else if (roll < 0.86 && messages.length > 0) {
        const id = messages.splice(Math.floor(next() * messages.length), 1)[0]!;
        await db().deleteFrom('messages').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      } else if (roll < 0.95) {
        await raw.status(conversation.id, pick(['resolved', 'open', 'resolved', 'pending', 'snoozed'] as const), at);
      } else if (roll < 0.97) {
        await db().updateTable('conversations').set({ assignee_id: agent, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', conversation.id).execute();
      } else if (contacts.length > 1) {
        const erased = contacts.splice(Math.floor(next() * contacts.length), 1)[0]!;
        await eraseContact({ db: db(), dialect: relais.store.dialect, clock: relais.clock, queue: relais.queue, logger: relais.logger, bus: relais.bus }, workspaceId, 'system', erased);
        erasures += 1;
      }
      // Refresh now and then, as the job does, so rollups are moved many times over.
      if (next() < 0.3) await refreshDirty({ db: db(), clock: relais.clock }, { workspaceId });
    }
    await refreshDirty({ db: db(), clock: relais.clock }, { workspaceId });
    const incremental = await snapshot();
    expect(incremental.daily.length).toBeGreaterThan(10);
    expect(erasures).toBeGreaterThan(0);
    expect(incremental.facts.some((f) => Number(f.reopenings) > 0)).toBe(true);

    await rebuildReports({ db: db(), clock: relais.clock }, workspaceId);
    const rebuilt = await snapshot();
    expect(incremental.daily).toEqual(rebuilt.daily);
    expect(incremental.facts).toEqual(rebuilt.facts);
    expect(incremental.responses).toEqual(rebuilt.responses);
    expect(incremental.durations.length).toBeGreaterThan(10);
    expect(incremental.durations).toEqual(rebuilt.durations);
    // The bulk rebuild in SQL (migration 0020, bulk imports) buckets durations as the refresh does.
    await rebuildDurationsFromFacts(db(), workspaceId);
    expect((await snapshot()).durations).toEqual(rebuilt.durations);

    // The percentiles read through the histograms equal a plain computation over the fact rows,
    // for periods on whole days, inside one day, with partial days at both ends, and per channel.
    const periods = [
      { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 6, 1) },
      { from: Date.UTC(2026, 2, 28, 7, 13), to: Date.UTC(2026, 3, 9, 15, 2, 7) },
      { from: Date.UTC(2026, 3, 2, 1), to: Date.UTC(2026, 3, 2, 23) },
      { from: Date.UTC(2026, 2, 30, 12), to: Date.UTC(2026, 4, 20, 12), channelId: channels[1] },
    ];
    const dialectName = relais.store.dialect.name as 'sqlite' | 'postgres';
    for (const period of periods) {
      const query = { workspaceId, ...period };
      const inPeriod = (at: unknown, channel: unknown) => Number(at) >= period.from && Number(at) < period.to && (!period.channelId || channel === period.channelId);
      const cohort = rebuilt.facts.filter((f) => f.first_customer_at !== null && inPeriod(f.first_customer_at, f.channel_id));
      const waits = rebuilt.responses.filter((r) => r.cycle > 0 && inPeriod(r.started_at, r.channel_id));
      const of = (values: unknown[]) => summarize(values.filter((v) => v !== null).map(Number));
      const times = await responseTimes(db(), dialectName, query);
      expect(times.conversations).toBe(cohort.length);
      expect(times.firstResponse).toEqual({ calendar: of(cohort.map((f) => f.first_calendar_ms)), business: of(cohort.map((f) => f.first_business_ms)) });
      const care = await careReport(db(), dialectName, query);
      expect(care.resolution.calendar).toEqual(of(cohort.map((f) => f.resolution_calendar_ms)));
      expect(care.resolution.business).toEqual(of(cohort.map((f) => f.resolution_business_ms)));
      expect(care.nextResponse).toEqual({ count: waits.length, calendar: of(waits.map((r) => r.calendar_ms)), business: of(waits.map((r) => r.business_ms)) });
    }
    expect((await responseTimes(db(), dialectName, { workspaceId, ...periods[0]! })).responded).toBeGreaterThan(1);

    // The backlog counter, moved by every refresh above, equals the waiting facts, in all and per channel.
    for (const channelId of [undefined, ...channels]) {
      const waiting = rebuilt.facts.filter((f) => f.waiting_since !== null && (!channelId || f.channel_id === channelId)).map((f) => Number(f.waiting_since));
      const { backlog } = await careReport(db(), dialectName, { workspaceId, ...periods[0]!, channelId });
      expect(backlog).toEqual({ waiting: waiting.length, oldestWaitingSince: waiting.length === 0 ? null : Math.min(...waiting) });
    }
    expect(incremental.facts.filter((f) => f.waiting_since !== null).length).toBeGreaterThan(0);

    // And every rollup counter equals a count made directly from the raw messages.
    const direct = await db().selectFrom('messages').select(['sentiment', 'classified_by']).where('workspace_id', '=', workspaceId)
      .where('direction', '=', 'in').where('kind', '!=', 'note').where('status', '!=', 'deleted').execute();
    const sum = (name: (typeof ROLLUP_COUNTERS)[number]) => rebuilt.daily.reduce((total, row) => total + Number(row[name]), 0);
    expect(sum('customer_messages')).toBe(direct.length);
    expect(sum('negative')).toBe(direct.filter((m) => m.sentiment === 'negative').length);
    expect(sum('agent_negative')).toBe(direct.filter((m) => m.sentiment === 'negative' && m.classified_by === 'agent').length);
    const statusLog = await db().selectFrom('conversation_status_changes').select(['conversation_id', 'from_status', 'to_status']).where('workspace_id', '=', workspaceId).execute();
    expect(sum('reopenings')).toBe(statusLog.filter((c) => c.from_status === 'resolved' && c.to_status !== 'resolved'
      && rebuilt.facts.some((f) => f.conversation_id === c.conversation_id && f.first_customer_at !== null)).length);
  }, 120_000);
});
