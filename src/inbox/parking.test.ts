import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metaProvider, type ChannelProvider } from '../channels/index.ts';
import { meta } from '../channels/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';
import { waitFor } from '../jobs/testing.ts';

const T0 = Date.UTC(2026, 10, 23, 8, 30);

// A parser with a bug that a later release fixes: same provider, parse broken until `fixed`.
function flakyMeta(): ChannelProvider & { fixed: boolean } {
  const provider = {
    ...metaProvider,
    fixed: false,
    parse(body: string) {
      if (!provider.fixed) throw new Error('parser bug: unexpected "attachments" shape');
      return metaProvider.parse(body);
    },
  };
  return provider;
}

describe('parked deliveries', () => {
  let h: MetaHarness;
  let provider: ReturnType<typeof flakyMeta>;
  beforeEach(async () => {
    provider = flakyMeta();
    h = await startMetaHarness('sqlite', { providers: [provider] });
  });
  afterEach(async () => { await h.dispose(); });

  it('parks a delivery that fails to process, shows it to admins, and a replay after the fix gives the first-pass result', async () => {
    const payload = meta.page(
      meta.comment(PAGE_ID, { commentId: `${PAGE_ID}_42_1`, postId: `${PAGE_ID}_42`, from: { id: '5550001', name: 'Camille' }, message: 'Bonjour 👋', at: T0 }),
      meta.message(PAGE_ID, { psid: '7770001', mid: 'm_1', text: 'Mon colis ?', at: T0 + 1000 }),
    );
    expect((await h.post(payload)).status).toBe(200);
    await h.settle();
    const parked = await h.owner.get('/api/v1/admin/inbound?status=parked');
    expect(parked.body.deliveries).toMatchObject([{ provider: 'meta', status: 'parked', error: expect.stringContaining('parser bug') }]);
    expect((await h.owner.get('/api/v1/conversations')).body.conversations).toEqual([]);

    provider.fixed = true;
    const replay = await h.owner.post(`/api/v1/admin/inbound/${parked.body.deliveries[0].id}/replay`);
    expect(replay.status).toBe(202);
    await h.settle();
    const afterReplay = (await h.owner.get('/api/v1/conversations')).body.conversations.map((c: any) => [c.kind, c.lastMessage.text]);
    expect(afterReplay).toEqual([['private', 'Mon colis ?'], ['public', 'Bonjour 👋']]);

    // The same delivery processed normally elsewhere gives the same rows.
    const fresh = await startMetaHarness('sqlite');
    try {
      await fresh.post(payload);
      await fresh.settle();
      const firstPass = (await fresh.owner.get('/api/v1/conversations')).body.conversations.map((c: any) => [c.kind, c.lastMessage.text]);
      expect(afterReplay).toEqual(firstPass);
    } finally {
      await fresh.dispose();
    }
    // Replaying a processed delivery again changes nothing.
    await h.owner.post(`/api/v1/admin/inbound/${parked.body.deliveries[0].id}/replay`);
    await h.settle();
    expect(await h.relais.store.db.selectFrom('messages').select('id').execute()).toHaveLength(2);
  });

  it('lets only admins see and replay deliveries, of their own workspace', async () => {
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '7770001', mid: 'm_9', text: 'x', at: T0 })));
    await waitFor(async () => (await h.owner.get('/api/v1/admin/inbound?status=parked')).body.deliveries.length === 1, 5000);
    const { addMember } = await import('../http/testing.ts');
    const agent = await addMember(h.relais.app, h.owner, 'agent@example.com', 'agent');
    expect((await agent.get('/api/v1/admin/inbound')).status).toBe(403);
    const other = await h.owner.post('/api/v1/workspaces', { name: 'Autre boutique' });
    expect(other.status).toBe(201);
    expect((await h.owner.get('/api/v1/admin/inbound')).body.deliveries).toEqual([]);
  });
});
