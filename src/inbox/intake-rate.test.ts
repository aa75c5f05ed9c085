import { afterEach, describe, expect, it } from 'vitest';
import { metaProvider } from '../channels/index.ts';
import { meta, signedMetaRequest } from '../channels/testing.ts';
import { createDeliveryRecorder } from './record-delivery.ts';
import { META_SECRET, PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const T0 = Date.UTC(2026, 11, 7, 20);

// On `relais start` the processing thread rests in a burst (ADR 0027): it learns the rate at
// which webhooks arrive from the recorder, which announces it a few times a second.
describe('the rate of webhook arrivals the recorder announces', () => {
  let h: MetaHarness;
  afterEach(async () => { await h.dispose(); });

  it('announces deliveries a second while they arrive, then 0 once they stop', async () => {
    h = await startMetaHarness('sqlite', { startWorkers: false });
    const rates: number[] = [];
    const record = createDeliveryRecorder(h.relais.inbox, { dialect: 'sqlite', announceRate: (perSecond) => rates.push(perSecond) });
    const secrets = { get: (name: string) => (name === 'metaAppSecret' ? META_SECRET : undefined) };
    const deliveries = Array.from({ length: 40 }, (_, i) => {
      const { body, headers } = signedMetaRequest(meta.page(meta.message(PAGE_ID, { psid: `4400${i % 5}`, mid: `m_rate_${i}`, text: `Commande ${i}`, at: T0 + i })), META_SECRET);
      return { rawBody: Buffer.from(body), headers, query: {} };
    });
    expect(await Promise.all(deliveries.map((request) => record(metaProvider, secrets, request)))).toEqual(Array(40).fill('accepted'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    // 40 in the first window of 250 ms: 160 a second at least; then nothing, and the timer stops.
    expect(rates[0]).toBeGreaterThanOrEqual(100);
    expect(rates.at(-1)).toBe(0);
    const announced = rates.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(rates).toHaveLength(announced);
  });
});
