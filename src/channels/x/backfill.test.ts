import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts';
import { startFakeRelais, type FakeRelais } from '../../../sandbox/testing.ts';
import type { ChannelContext, ChannelProvider, InboundItem } from '../index.ts';
import { createXProvider, decodeXCursor, encodeXCursor, XBackfillError } from './index.ts';

const shop = '1480000000000000001';
let sandbox: Sandbox;
let relais: FakeRelais;
let provider: ChannelProvider;
let channel: ChannelContext;

beforeAll(async () => {
  relais = await startFakeRelais();
  sandbox = await startSandbox({ relaisUrl: relais.url });
});
afterAll(async () => {
  await sandbox.close();
  await relais.close();
});
beforeEach(() => {
  relais.reset();
  sandbox.x.reset();
  sandbox.x.addAccount({ id: shop, screenName: 'maisonlune', name: 'Maison Lune', accessToken: 'X_USER_TOKEN' });
  sandbox.x.addUser({ id: '2244994945', screenName: 'camille_m', name: 'Camille Martin' });
  provider = createXProvider({ now: () => sandbox.x.now() });
  channel = { id: 'ch_x', workspaceId: 'ws', externalId: shop, apiBase: sandbox.x.apiBase, credentials: { accessToken: 'X_USER_TOKEN' }, settings: {} };
});

/** What the webhook parser made of every delivery Relais received. */
const webhookItems = (): InboundItem[] => relais.received.filter((r) => r.method === 'POST').flatMap((r) => provider.parse(r.raw.toString('utf8')));

describe('backfill', () => {
  it('turns mentions and DM events into the very items the webhooks would have carried', async () => {
    const mention = await sandbox.x.mention({ from: '2244994945', text: 'Mon colis ?' });
    const reply = await sandbox.x.reply({ from: '2244994945', inReplyTo: mention.id, text: 'Toujours rien…' });
    const dm = await sandbox.x.dm({ from: '2244994945', text: 'Commande 4521' });
    await provider.send(channel, { type: 'message', surface: 'x', recipientExternalId: '2244994945', text: 'Nous regardons', tag: 'none', metadata: 'ob_1' });
    await sandbox.x.idle();
    const { items, cursor } = await provider.backfill!(channel, null);
    const key = (item: InboundItem) => JSON.stringify(item);
    expect(items.map((item) => item.type === 'comment' || item.type === 'message' ? item.externalId : '')).toEqual([mention.id, reply.id, dm.id, sandbox.x.dms[0]!.id]);
    // Same ids, threads, parties and texts as the webhook parser: ingestion dedupes them.
    const fromWebhooks = webhookItems();
    for (const item of items) expect(fromWebhooks.map(key), key(item)).toContain(key(withoutSentByApp(item, fromWebhooks)));
    expect(decodeXCursor(cursor)).toEqual({ mentions: reply.id, dms: sandbox.x.dms[0]!.id });
  });

  it('with webhooks off, finds only what came after the cursor', async () => {
    await sandbox.x.mention({ from: '2244994945', text: 'Avant' });
    await sandbox.x.dm({ from: '2244994945', text: 'Avant' });
    const first = await provider.backfill!(channel, null);
    sandbox.x.webhooksEnabled(false);
    const missed = await sandbox.x.mention({ from: '2244994945', text: 'Pendant la panne' });
    const missedDm = await sandbox.x.dm({ from: '2244994945', text: 'Vous m’entendez ?' });
    expect(relais.received.filter((r) => r.method === 'POST')).toHaveLength(2);
    const next = await provider.backfill!(channel, first.cursor);
    expect(next.items.map((item) => (item.type === 'comment' || item.type === 'message') && item.externalId)).toEqual([missed.id, missedDm.id]);
    expect(next.items[1]).toMatchObject({ type: 'message', direction: 'in', customer: { externalId: '2244994945', name: 'Camille Martin', handle: 'camille_m' } });
    expect((await provider.backfill!(channel, next.cursor)).items).toEqual([]);
  });

  it('pages through more than one page of DM events', async () => {
    for (let i = 0; i < 130; i++) sandbox.x.allDms.push({ id: String(1851300000000000000n + BigInt(i)), senderId: '2244994945', recipientId: shop, text: `m${i}`, createdAt: 1730366500000 + i, sourceAppId: null });
    const { items } = await provider.backfill!(channel, encodeXCursor({ dms: '1851300000000000009' }));
    expect(items).toHaveLength(120);
  });

  it('throws rate_limited with the wait when X answers 429', async () => {
    sandbox.x.setQuota('GET /2/users/:id/mentions', 0);
    const error = await provider.backfill!(channel, null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(XBackfillError);
    expect(error).toMatchObject({ kind: 'rate_limited' });
    expect((error as XBackfillError).retryAfterMs).toBeGreaterThan(14 * 60_000);
  });
});

/** v2 DM events carry no `source_app_id`; the webhook's echo does. Everything else is equal. */
function withoutSentByApp(item: InboundItem, webhook: InboundItem[]): InboundItem {
  if (item.type !== 'message' || item.direction !== 'out') return item;
  const twin = webhook.find((other) => other.type === 'message' && other.externalId === item.externalId);
  return twin?.type === 'message' ? { ...item, sentByApp: twin.sentByApp } : item;
}
