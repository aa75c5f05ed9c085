import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCareSettings } from '../inbox/index.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';
import { testDialects } from '../store/testing.ts';
import { rawRows } from './testing.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const utc = (iso: string) => Date.parse(`${iso}Z`);
const weekdays = [{ start: '09:00', end: '18:00' }];
const everyDay = { 0: weekdays, 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays, 6: weekdays };
const mondayToFriday = { 0: [], 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays, 6: [] };

// Every figure below is computed by hand in the comments; the reports must give them to the millisecond.
describe.each(await testDialects())('report figures by hand (%s)', (dialect) => {
  let relais: TestRelais;
  let owner: Browser;
  let agentId: string;
  const ids: Record<string, string> = {};
  const channels: Record<'paris' | 'daily' | 'newYork', string> = { paris: '', daily: '', newYork: '' };

  beforeAll(async () => {
    relais = await startTestRelais(dialect);
    // Cookies expire by the real clock in the test browser: run the server on it.
    relais.clock.set(Date.now());
    owner = await setUpOwner(relais.app);
    const meReply = await owner.get('/api/v1/me');
    const me = meReply.body;
    if (!me?.user) throw new Error(JSON.stringify(meReply));
    agentId = me.user.id;
    const workspaceId = me.workspace.id as string;
    const raw = rawRows(() => relais.store.db, workspaceId);
    const env = { db: relais.store.db, clock: relais.clock };
    channels.paris = await raw.channel('x', 'X Paris');
    channels.daily = await raw.channel('x', 'X tous les jours');
    channels.newYork = await raw.channel('x', 'X New York');
    await saveCareSettings(env, workspaceId, channels.paris, { hours: { timeZone: 'Europe/Paris', weekly: mondayToFriday, holidays: 'fr', closedDays: [], openDays: [] } });
    await saveCareSettings(env, workspaceId, channels.daily, { hours: { timeZone: 'Europe/Paris', weekly: everyDay, holidays: 'none', closedDays: [], openDays: [] } });
    await saveCareSettings(env, workspaceId, channels.newYork, { hours: { timeZone: 'America/New_York', weekly: mondayToFriday, holidays: 'none', closedDays: [], openDays: [] } });
    const say = (conversationId: string, channelId: string, iso: string, extra: Partial<Parameters<typeof raw.message>[0]> = {}) =>
      raw.message({ conversationId, channelId, direction: 'in', at: utc(iso), sentiment: 'neutral', ...extra });
    const reply = (conversationId: string, channelId: string, iso: string, extra: Partial<Parameters<typeof raw.message>[0]> = {}) =>
      raw.message({ conversationId, channelId, direction: 'out', author: 'user', authorId: agentId, at: utc(iso), ...extra });

    // Time zone: Monday 2 March 2026, 07:30 UTC is 08:30 in Paris (CET, UTC+1), before opening;
    // the reply at 08:10 UTC is 09:10 Paris. Calendar 40 min, business 10 min.
    ids.zone = await raw.conversation(channels.paris, utc('2026-03-02T07:30:00'));
    await say(ids.zone, channels.paris, '2026-03-02T07:30:00');
    await reply(ids.zone, channels.paris, '2026-03-02T08:10:00');
    // The same minutes in New York (EST, UTC−5 until 8 March): 13:30 UTC is 08:30, 14:10 UTC is 09:10.
    ids.newYork = await raw.conversation(channels.newYork, utc('2026-03-02T13:30:00'));
    await say(ids.newYork, channels.newYork, '2026-03-02T13:30:00');
    await reply(ids.newYork, channels.newYork, '2026-03-02T14:10:00');

    // DST: Saturday 28 March 16:00 UTC is 17:00 in Paris (CET); the reply Sunday 29 March 08:00 UTC
    // is 10:00 (CEST, UTC+2, the clocks went forward at 2:00). Calendar 16 h; business
    // Sat 17:00–18:00 + Sun 09:00–10:00 = 2 h (a fixed offset would say 3 h).
    ids.dst = await raw.conversation(channels.daily, utc('2026-03-28T16:00:00'));
    await say(ids.dst, channels.daily, '2026-03-28T16:00:00');
    await reply(ids.dst, channels.daily, '2026-03-29T08:00:00');

    // Business hours and a holiday: Friday 1 May 2026 (Fête du Travail) 08:00 UTC = 10:00 Paris;
    // answered Monday 4 May 07:30 UTC = 09:30. Calendar 71 h 30; business 30 min.
    ids.holiday = await raw.conversation(channels.paris, utc('2026-05-01T08:00:00'));
    await say(ids.holiday, channels.paris, '2026-05-01T08:00:00');
    await reply(ids.holiday, channels.paris, '2026-05-04T07:30:00');

    // Bot reply: Monday 2 March 09:00 UTC (10:00 Paris); an automatic acknowledgement 5 s later
    // does not answer; the agent at 09:45 UTC does. First response 45 min in both times.
    ids.bot = await raw.conversation(channels.paris, utc('2026-03-02T09:00:00'));
    await say(ids.bot, channels.paris, '2026-03-02T09:00:00');
    await raw.message({ conversationId: ids.bot, channelId: channels.paris, direction: 'out', author: 'bot', at: utc('2026-03-02T09:00:05') });
    await raw.message({ conversationId: ids.bot, channelId: channels.paris, direction: 'out', kind: 'note', author: 'user', authorId: agentId, at: utc('2026-03-02T09:10:00') });
    await reply(ids.bot, channels.paris, '2026-03-02T09:45:00');

    // Deleted message: the customer's 10:00 UTC message (Tuesday 3 March) was deleted; the one at
    // 10:10 opens the clock. A reply queued at 10:15 never reached X (no platform time); the
    // one at 10:30 did. First response 20 min.
    ids.deleted = await raw.conversation(channels.paris, utc('2026-03-03T10:00:00'));
    await say(ids.deleted, channels.paris, '2026-03-03T10:00:00', { status: 'deleted', sentiment: 'negative' });
    await say(ids.deleted, channels.paris, '2026-03-03T10:10:00', { sentiment: 'positive' });
    await reply(ids.deleted, channels.paris, '2026-03-03T10:15:00', { unsent: true });
    await reply(ids.deleted, channels.paris, '2026-03-03T10:30:00');

    // Reopened: Wednesday 4 March, customer 09:00 UTC, reply 09:20 (first response 20 min),
    // resolved 09:30, the customer writes again at 11:00 (reopened), reply 11:06 (next response
    // 6 min), resolved again at 12:00: resolution 3 h from the first message, one reopening.
    ids.reopened = await raw.conversation(channels.paris, utc('2026-03-04T09:00:00'));
    await say(ids.reopened, channels.paris, '2026-03-04T09:00:00');
    await reply(ids.reopened, channels.paris, '2026-03-04T09:20:00');
    await raw.status(ids.reopened, 'resolved', utc('2026-03-04T09:30:00'));
    await say(ids.reopened, channels.paris, '2026-03-04T11:00:00', { sentiment: 'negative', classifiedBy: 'agent' });
    await raw.status(ids.reopened, 'open', utc('2026-03-04T11:00:01'));
    await reply(ids.reopened, channels.paris, '2026-03-04T11:06:00');
    await raw.status(ids.reopened, 'resolved', utc('2026-03-04T12:00:00'));

    // Waiting: Thursday 5 March 10:00 UTC, no answer yet.
    ids.waiting = await raw.conversation(channels.paris, utc('2026-03-05T10:00:00'));
    await say(ids.waiting, channels.paris, '2026-03-05T10:00:00');
  });
  afterAll(async () => relais?.dispose());

  const figures = async (id: string) => {
    const page = (await owner.get(`/api/v1/reports/drill?from=2026-03-01T00:00:00Z&to=2026-06-01T00:00:00Z&of=conversations&metric=first_response`)).body;
    const row = page.rows.find((r: unknown[]) => r[0] === id);
    return row ? Object.fromEntries(page.columns.map((c: string, i: number) => [c, row[i]])) : undefined;
  };

  it('measures time zones in the hours of each channel', async () => {
    expect(await figures(ids.zone!)).toMatchObject({ firstResponseCalendarMs: 40 * MIN, firstResponseBusinessMs: 10 * MIN });
    expect(await figures(ids.newYork!)).toMatchObject({ firstResponseCalendarMs: 40 * MIN, firstResponseBusinessMs: 10 * MIN });
  });

  it('counts business time across the DST change by the wall clock of each day', async () => {
    expect(await figures(ids.dst!)).toMatchObject({ firstResponseCalendarMs: 16 * HOUR, firstResponseBusinessMs: 2 * HOUR });
  });

  it('skips a public holiday and the weekend in business time', async () => {
    expect(await figures(ids.holiday!)).toMatchObject({ firstResponseCalendarMs: 71 * HOUR + 30 * MIN, firstResponseBusinessMs: 30 * MIN });
  });

  it('never lets a bot or a note answer, and counts the automation apart', async () => {
    expect(await figures(ids.bot!)).toMatchObject({ firstResponseCalendarMs: 45 * MIN, firstResponseBusinessMs: 45 * MIN, firstResponderId: agentId });
    const care = (await owner.get('/api/v1/reports/care?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z')).body;
    expect(care.answeredByAutomationFirst).toBe(1);
    expect(care.agents.map((a: { agentId: string }) => a.agentId)).not.toContain('bot');
  });

  it('ignores a deleted customer message and a reply the platform never got', async () => {
    expect(await figures(ids.deleted!)).toMatchObject({ firstCustomerAt: utc('2026-03-03T10:10:00'), firstResponseCalendarMs: 20 * MIN });
  });

  it('counts a reopening, the next response and the resolution to the last resolve', async () => {
    expect(await figures(ids.reopened!)).toMatchObject({ firstResponseCalendarMs: 20 * MIN, resolutionCalendarMs: 3 * HOUR, resolutionBusinessMs: 3 * HOUR, reopenings: 1 });
    const care = (await owner.get(`/api/v1/reports/care?from=2026-03-04T00:00:00Z&to=2026-03-05T00:00:00Z&channelId=${channels.paris}`)).body;
    expect(care).toMatchObject({ conversations: 1, reopenings: 1, nextResponse: { count: 1, calendar: { medianMs: 6 * MIN, p90Ms: 6 * MIN, meanMs: 6 * MIN } } });
  });

  it('answers the response-times contract with hand-computed median, p90 and mean', async () => {
    // Paris channel, March: zone 40/10, bot 45/45, deleted 20/20, reopened 20/20, waiting (none).
    // Calendar sorted 20, 20, 40, 45 min: median (20+40)/2 = 30 min; p90 at rank 1 + 0.9·3 = 3.7:
    // 40 + 0.7·5 = 43.5 min; mean 125/4 = 31.25 min. Business sorted 10, 20, 20, 45: median 20,
    // p90 20 + 0.7·25 = 37.5 min, mean 95/4 = 23.75 min.
    const reply = await owner.get(`/api/v1/reports/response-times?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&channelId=${channels.paris}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      conversations: 5, responded: 4,
      firstResponse: {
        calendar: { medianMs: 30 * MIN, p90Ms: 43.5 * MIN, meanMs: 31.25 * MIN },
        business: { medianMs: 20 * MIN, p90Ms: 37.5 * MIN, meanMs: 23.75 * MIN },
      },
    });
    // Within the 1 h business target: all four answered; the waiting one is not: 4 of 5.
    const care = (await owner.get(`/api/v1/reports/care?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&channelId=${channels.paris}`)).body;
    expect(care.withinSla).toEqual({ conversations: 4, share: 0.8 });
    expect(care.backlog).toEqual({ waiting: 1, oldestWaitingSince: utc('2026-03-05T10:00:00') });
  });

  it('counts the local day: 23:30 UTC on Sunday is Monday in Paris', async () => {
    const raw = rawRows(() => relais.store.db, (await owner.get('/api/v1/me')).body.workspace.id);
    const late = await raw.conversation(channels.daily, utc('2026-03-08T23:30:00'));
    await raw.message({ conversationId: late, channelId: channels.daily, direction: 'in', at: utc('2026-03-08T23:30:00') });
    const care = (await owner.get(`/api/v1/reports/care?from=2026-03-09&to=2026-03-09&channelId=${channels.daily}`)).body;
    expect(care.volume.byDay).toEqual([{ day: '2026-03-09', conversations: 1, customerMessages: 1 }]);
    expect(care.volume.byWeekdayHour).toEqual([{ weekday: 0, hour: 0, conversations: 1, customerMessages: 1 }]);
  });

  it('gives the sentiment share, score and adjusted share over customer messages', async () => {
    // March, all channels: neutral ×6 (zone, newYork, dst, bot, reopened's first, waiting) + the
    // 23:30 one has none; positive ×1 (deleted's second); negative ×1 (reopened's second, by an
    // agent); the deleted negative is not counted. 8 messages: 1/8, 6/8, 1/8; score 0.5.
    const body = (await owner.get('/api/v1/reports/sentiment?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z')).body;
    expect(body).toMatchObject({ messages: 8, share: { positive: 1 / 8, neutral: 6 / 8, negative: 1 / 8 }, score: 0.5 });
    const adjusted = body.adjustedShare;
    expect(adjusted.positive + adjusted.neutral + adjusted.negative).toBeCloseTo(1, 9);
    // The agent's label is known, so at least 1/8 stays negative whatever the correction does.
    expect(adjusted.negative).toBeGreaterThanOrEqual(1 / 8);
  });

  it('refuses bad periods with a 400, never a 500', async () => {
    for (const query of ['from=2026-03-02&to=2026-03-01', 'from=yesterday&to=2026-03-01', 'from=2024-01-01&to=2026-01-01', 'from=2026-03-01T00:00:00Z']) {
      const reply = await owner.get(`/api/v1/reports/response-times?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code).toBe('request.invalid');
    }
  });
});
