import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCareSettings } from '../inbox/index.ts';
import type { TestRelais } from '../http/testing.ts';
import { testDialects } from '../store/testing.ts';
import { careReport } from './care-report.ts';
import { refreshDirty } from './refresh-reports.ts';
import { responseTimes } from './response-times.ts';
import { rawRows, startReportsRelais } from './testing.ts';

const MIN = 60_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);
const weekdays = [{ start: '09:00', end: '18:00' }];

// Business time is zero for every answer written before the team opens; a median among those
// zeros is known from the histogram's counts, and must still be the exact type-7 figure.
describe.each(await testDialects())('percentiles among zero business durations (%s)', (dialect) => {
  let relais: TestRelais;
  let workspaceId: string;
  beforeAll(async () => {
    ({ relais, workspaceId } = await startReportsRelais(dialect));
    const db = () => relais.store.db;
    const raw = rawRows(db, workspaceId);
    const channelId = await raw.channel('x', 'X Paris');
    await saveCareSettings({ db: db(), clock: relais.clock }, workspaceId, channelId, {
      hours: { timeZone: 'UTC', weekly: { 0: [], 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays, 6: [] }, holidays: 'none', closedDays: [], openDays: [] },
    });
    // Monday 2 March 2026: five customers at 02:00 answered at 02:10–02:50 (before opening,
    // business time 0); Tuesday 3 March: five at 10:00 answered after 10, 20, 30, 40 and 50 minutes.
    for (let i = 0; i < 10; i++) {
      const at = utc(i < 5 ? '2026-03-02T02:00:00' : '2026-03-03T10:00:00');
      const conversationId = await raw.conversation(channelId, at);
      await raw.message({ conversationId, channelId, direction: 'in', at });
      await raw.message({ conversationId, channelId, direction: 'out', at: at + ((i % 5) + 1) * 10 * MIN });
    }
    await refreshDirty({ db: db(), clock: relais.clock }, { workspaceId });
  });
  afterAll(async () => relais?.dispose());

  it('gives the median between the last zero and the first open-hours answer, and the p90 above', async () => {
    const name = relais.store.dialect.name as 'sqlite' | 'postgres';
    // Sorted business times: 0 ×5, 10, 20, 30, 40, 50 min. Median h = 4.5: between 0 and 10 min
    // = 5 min. p90 h = 8.1: 40 min + 0.1 × 10 min = 41 min. Mean: 150 min / 10 = 15 min.
    const period = { workspaceId, from: utc('2026-03-01T00:00:00'), to: utc('2026-04-01T00:00:00') };
    const times = await responseTimes(relais.store.db, name, period);
    expect(times.firstResponse.business).toEqual({ medianMs: 5 * MIN, p90Ms: 41 * MIN, meanMs: 15 * MIN });
    // Calendar: 10…50 min twice. Median h = 4.5: 30 min; p90 h = 8.1: 50 min.
    expect(times.firstResponse.calendar).toEqual({ medianMs: 30 * MIN, p90Ms: 50 * MIN, meanMs: 30 * MIN });
  });

  it('gives zero when the percentile and its neighbour are both among the zeros', async () => {
    const name = relais.store.dialect.name as 'sqlite' | 'postgres';
    // Only Monday, a whole day from the histogram: 0 ×5 in business time, all zero.
    const night = { workspaceId, from: utc('2026-03-02T00:00:00'), to: utc('2026-03-03T00:00:00') };
    const care = await careReport(relais.store.db, name, night);
    expect(care.firstResponse).toEqual({ count: 5, business: { medianMs: 0, p90Ms: 0, meanMs: 0 }, calendar: { medianMs: 30 * MIN, p90Ms: 46 * MIN, meanMs: 30 * MIN } });
  });
});
