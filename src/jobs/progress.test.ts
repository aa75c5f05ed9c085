import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../contracts/index.ts';
import { reconcileShop } from '../commerce/index.ts';
import { startShopHarness, type ShopHarness } from '../commerce/testing.ts';
import { testDialects } from '../store/testing.ts';
import { waitFor } from './testing.ts';
import { trackProgress } from './index.ts';

const line = { title: 'Savon lavande', price: '6.50', quantity: 1 };

// Long work reports `{ done, total, phase }` into `job_progress` and publishes each move as
// `job.progress`, so a console draws a live bar: reconciliation, retraining, and a failure.
describe.each(await testDialects())('progress of long work (%s)', (dialect) => {
  let h: ShopHarness;
  const events: JobProgress[] = [];
  beforeAll(async () => {
    h = await startShopHarness(dialect);
    h.relais.bus.subscribe(h.workspaceId, (event) => {
      if (event.type === 'job.progress') events.push(event.data as JobProgress);
    });
  });
  afterAll(async () => h?.dispose());

  const progressOf = async (kind: string, subject = '') =>
    ((await h.owner.get(`/api/v1/job-progress?kind=${kind}`)).body.progress as JobProgress[]).find((row) => row.subject === subject);

  it('a reconciliation moves its bar from 0 to every record written, batch by batch, and ends done', async () => {
    await h.settle();
    for (let i = 0; i < 250; i++) await h.sandbox.shopify.createOrder({ email: `manque${i}@example.fr`, lineItems: [line] }, { drop: true });
    events.length = 0;
    const result = await reconcileShop(h.relais.commerce, { workspaceId: h.workspaceId, channelId: h.shopifyChannelId });
    await waitFor(async () => events.some((event) => event.status === 'done'), 5_000, 'the last progress event');
    const run = events.filter((event) => event.kind === 'commerce.reconcile' && event.subject === h.shopifyChannelId);
    expect(new Set(run.map((event) => event.runId)).size).toBe(1);
    expect(run[0]).toMatchObject({ status: 'running', done: 0, total: 0 });
    const writing = run.filter((event) => event.phase === 'writing');
    const total = result.orders + result.checkouts;
    expect(total).toBeGreaterThanOrEqual(250);
    expect(writing[0]).toMatchObject({ done: 0, total });
    // The test clock stands still, so within a phase only its start and its end pass the 250 ms gate...
    expect(writing.at(-1)).toMatchObject({ done: total, total });
    expect(run.at(-1)).toMatchObject({ status: 'done', phase: 'done', done: total, total });
    expect(run.at(-1)!.finishedAt).not.toBeNull();
    // ...and the row a screen opened now reads says the same.
    expect(await progressOf('commerce.reconcile', h.shopifyChannelId)).toEqual(run.at(-1));
  }, 60_000);

  it('a retraining asked from the API runs as a job and its bar ends full, told by events', async () => {
    events.length = 0;
    const asked = await h.owner.post('/api/v1/insight/model/retrain');
    expect(asked.status).toBe(202);
    await waitFor(async () => (await progressOf('insight.retrain'))?.status === 'done', 15_000, 'the retraining to finish');
    const run = events.filter((event) => event.kind === 'insight.retrain');
    expect(run.map((event) => [event.phase, event.done, event.total])).toEqual([['starting', 0, 0], ['reading', 0, 2], ['training', 1, 2], ['done', 2, 2]]);
    expect((await h.owner.get('/api/v1/insight/model')).body.model.version).toBe(1);
  }, 30_000);

  it('a failing job leaves its bar failed with the reason, and the error still reaches the queue', async () => {
    events.length = 0;
    const deps = { db: h.relais.store.db, clock: h.relais.clock, bus: h.relais.bus };
    await expect(trackProgress(deps, { workspaceId: h.workspaceId, kind: 'channel.backfill', subject: 'ch_1' }, async (progress) => {
      await progress.report(3, 10, 'writing');
      throw new Error('the platform hung up');
    })).rejects.toThrow('the platform hung up');
    expect(await progressOf('channel.backfill', 'ch_1')).toMatchObject({ status: 'failed', error: 'the platform hung up', done: 3, total: 10 });
    expect(events.at(-1)).toMatchObject({ status: 'failed', kind: 'channel.backfill' });
  });
});
