import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalIdentity, signIdentity } from '../../channels/index.ts';
import { testDialects } from '../../store/testing.ts';
import { setUpOwner, startTestRelais, type TestRelais } from '../testing.ts';

const SHOP = 'https://boutique-nina.example';

describe.each(await testDialects())('site chat input at the edge (%s)', (dialect) => {
  let relais: TestRelais;
  let channelId: string;
  let identifySecret: string;

  const call = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await relais.app.inject({ method: 'POST', url, headers: { origin: 'http://relais.test', host: 'relais.test', ...headers }, payload: body as object });
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };
  const newVisitor = async () => (await call('/widget/api/session', { channelId, parentOrigin: SHOP })).body.token as string;
  const visitorRow = (token: string) => {
    const visitorId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'))[1] as string;
    return relais.store.db.selectFrom('webchat_visitors').select(['identity_status', 'customer_id', 'cart_token']).where('id', '=', visitorId).executeTakeFirstOrThrow();
  };

  beforeAll(async () => {
    relais = await startTestRelais(dialect);
    const owner = await setUpOwner(relais.app);
    channelId = (await owner.post('/api/v1/channels/webchat', { allowedOrigins: [SHOP] })).body.id;
    identifySecret = (await owner.get(`/api/v1/channels/${channelId}/webchat`)).body.identifySecret;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('refuses a line break inside an identity field, so a signature for one identity never verifies another', async () => {
    // The shop signs customer 42 with the cart token "c\ncartToken=" (a value it took from its page).
    const signed = { customerId: '42', cartToken: 'c\ncartToken=' };
    // Moved across fields, the same canonical string would name another identity.
    const forged = { customerId: '42\ncartToken=c' };
    expect(canonicalIdentity(forged)).toBe(canonicalIdentity(signed));
    const token = await newVisitor();
    const answer = await call('/widget/api/identify', { identity: forged, signature: signIdentity(identifySecret, signed, relais.clock.now()) }, { 'x-relais-visitor': token });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('request.invalid');
    expect(answer.body.error.fields['identity.customerId']).toBeDefined();
    expect(await visitorRow(token)).toMatchObject({ identity_status: 'anonymous', customer_id: null, cart_token: null });

    // An ordinary identity still verifies.
    const plain = { customerId: '42', cartToken: 'cart-1' };
    const verified = await call('/widget/api/identify', { identity: plain, signature: signIdentity(identifySecret, plain, relais.clock.now()) }, { 'x-relais-visitor': token });
    expect(verified).toMatchObject({ status: 200, body: { status: 'verified' } });
  });

  it('refuses a NUL byte in an identity name with a 400 rather than a failed write', async () => {
    const token = await newVisitor();
    const answer = await call('/widget/api/identify', { identity: { name: 'Nina\u0000' } }, { 'x-relais-visitor': token });
    expect(answer.status).toBe(400);
    expect(await visitorRow(token)).toMatchObject({ identity_status: 'anonymous' });
  });

  it('refuses a NUL byte in a message with a 400, and records nothing', async () => {
    const token = await newVisitor();
    const answer = await call('/widget/api/messages', { clientMessageId: 'nul-000001', text: 'Bonjour\u0000' }, { 'x-relais-visitor': token });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.text).toBeDefined();
    const events = await relais.store.db.selectFrom('inbound_events').select('id').where('dedupe_key', 'like', '%:nul-000001').execute();
    expect(events).toHaveLength(0);
  });

  it('rate limits read marks per visitor like their messages', async () => {
    const token = await newVisitor();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await call('/widget/api/read', {}, { 'x-relais-visitor': token })).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('notes a refused identity once, not on every page view that repeats it', async () => {
    const token = await newVisitor();
    const identity = { customerId: '77' };
    for (let i = 0; i < 3; i++) {
      const answer = await call('/widget/api/identify', { identity, signature: 'f'.repeat(64) }, { 'x-relais-visitor': token });
      expect(answer.body.status).toBe('refused');
    }
    const visitorId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'))[1] as string;
    const conversation = await relais.store.db.selectFrom('conversations').select('id').where('external_thread_id', '=', `webchat:${visitorId}`).executeTakeFirstOrThrow();
    const notes = await relais.store.db.selectFrom('messages').select('text').where('conversation_id', '=', conversation.id).where('kind', '=', 'note').execute();
    expect(notes).toHaveLength(1);
  });
});
