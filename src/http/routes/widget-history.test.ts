import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../store/testing.ts';
import { setUpOwner, startTestRelais, type TestRelais } from '../testing.ts';

const SHOP = 'https://boutique-rose.example';

describe.each(await testDialects())('site chat history of a long thread (%s)', (dialect) => {
  let relais: TestRelais;
  let channelId: string;

  const call = async (method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await relais.app.inject({ method, url, headers: { origin: 'http://relais.test', host: 'relais.test', ...headers }, ...(body === undefined ? {} : { payload: body as object }) });
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };

  beforeAll(async () => {
    relais = await startTestRelais(dialect);
    const owner = await setUpOwner(relais.app);
    channelId = (await owner.post('/api/v1/channels/webchat', { allowedOrigins: [SHOP] })).body.id;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('shows a returning visitor the latest messages of a thread longer than the widget shows, oldest first', async () => {
    const { token, visitorId } = (await call('POST', '/widget/api/session', { channelId, parentOrigin: SHOP })).body;
    // A refused identify opens the visitor's thread (with a note the visitor never sees).
    await call('POST', '/widget/api/identify', { identity: { name: 'Rose' }, signature: 'bad' }, { 'x-relais-visitor': token });
    const conversation = await relais.store.db.selectFrom('conversations').select(['id', 'workspace_id']).where('external_thread_id', '=', `webchat:${visitorId}`).executeTakeFirstOrThrow();
    const start = relais.clock.now() + 1000;
    const rows = Array.from({ length: 520 }, (_, i) => ({
      workspace_id: conversation.workspace_id, id: `long-${String(i).padStart(4, '0')}`, conversation_id: conversation.id, channel_id: channelId,
      direction: 'out' as const, kind: 'message' as const, author_type: 'user' as const, author_id: null, text: `réponse ${i}`, external_id: null,
      attachments: '[]', meta: '{}', platform_created_at: null, created_at: start + i * 1000, edited_at: null, platform_updated_at: null, reply_to_external_id: null,
    }));
    for (let i = 0; i < rows.length; i += 100) await relais.store.db.insertInto('messages').values(rows.slice(i, i + 100)).execute();

    for (const history of [(await call('GET', '/widget/api/history', undefined, { 'x-relais-visitor': token })).body, (await call('POST', '/widget/api/session', { channelId, parentOrigin: SHOP, token })).body.history]) {
      const texts = history.messages.map((m: { text: string }) => m.text);
      expect(texts).toHaveLength(500);
      expect(texts.at(-1)).toBe('réponse 519');
      expect(texts[0]).toBe('réponse 20');
    }
  });
});
