import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index.ts';
import { startFakeRelais, type FakeRelais } from '../testing.ts';

const secret = 'x-consumer-secret-for-tests';
const token = 'X_USER_TOKEN';
let sandbox: Sandbox;
let relais: FakeRelais;

beforeAll(async () => {
  relais = await startFakeRelais();
  sandbox = await startSandbox({ relaisUrl: relais.url, x: { consumerSecret: secret } });
});
afterAll(async () => {
  await sandbox.close();
  await relais.close();
});
beforeEach(() => {
  relais.reset();
  sandbox.x.reset();
  sandbox.x.addAccount({ id: '1480000000000000001', screenName: 'maisonlune', name: 'Maison Lune', accessToken: token });
  sandbox.x.addUser({ id: '2244994945', screenName: 'camille_m', name: 'Camille Martin' });
  sandbox.x.addUser({ id: '9007199254740993', screenName: 'lea_ferme', name: 'Léa', acceptsDms: false });
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.x.apiBase}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, headers: res.headers, body: await res.json() as any };
}

describe('X webhook sender', () => {
  it('signs exactly the bytes it sends, base64 over the consumer secret', async () => {
    const { status } = await sandbox.x.mention({ from: '2244994945', text: 'Ma commande n’est pas arrivée 😕 https://maisonlune.fr/c/1' });
    expect(status).toBe(200);
    const [received] = relais.received;
    expect(received?.path).toBe('/hooks/x');
    const expected = `sha256=${createHmac('sha256', secret).update(received!.raw).digest('base64')}`;
    expect(received!.headers['x-twitter-webhooks-signature']).toBe(expected);
    expect(received!.raw.toString('utf8')).toContain('😕'); // UTF-8 bytes, not escapes
  });

  it('writes ids past 2^53 as exact JSON numbers beside id_str', async () => {
    const { id } = await sandbox.x.mention({ from: '2244994945', text: 'Bonjour' });
    const raw = relais.received[0]!.raw.toString('utf8');
    expect(BigInt(id)).toBeGreaterThan(2n ** 53n);
    expect(raw).toContain(`"id":${id},"id_str":"${id}"`);
    expect(String((JSON.parse(raw) as any).tweet_create_events[0].id)).not.toBe(id); // what JSON.parse would do to it
    expect(raw).toContain('"for_user_id":"1480000000000000001"');
  });

  it('records actions without sending while webhooks are off, and serves them on the API', async () => {
    sandbox.x.webhooksEnabled(false);
    const mention = await sandbox.x.mention({ from: '2244994945', text: 'Vous êtes là ?' });
    const dm = await sandbox.x.dm({ from: '2244994945', text: 'Je vous écris en privé' });
    expect(mention.status).toBeUndefined();
    expect(relais.received).toHaveLength(0);
    const mentions = await api('GET', '/2/users/1480000000000000001/mentions?tweet.fields=author_id');
    expect(mentions.body.data.map((t: any) => t.id)).toEqual([mention.id]);
    const events = await api('GET', '/2/dm_events?dm_event.fields=sender_id');
    expect(events.body.data[0]).toMatchObject({ id: dm.id, event_type: 'MessageCreate', sender_id: '2244994945', text: 'Je vous écris en privé' });
  });

  it('answers CRC checks with its consumer secret', async () => {
    relais.respond((req) => ({ status: 200, body: JSON.stringify({ response_token: `sha256=${createHmac('sha256', secret).update(req.query.get('crc_token') ?? '').digest('base64')}` }) }));
    expect((await sandbox.x.crc()).ok).toBe(true);
    relais.respond(() => ({ status: 200, body: '{"response_token":"sha256=wrong"}' }));
    expect((await sandbox.x.crc()).ok).toBe(false);
  });
});

describe('X API v2 subset', () => {
  it('posts a reply, answers its id and echoes it as the account’s own event', async () => {
    const { id: mentionId } = await sandbox.x.mention({ from: '2244994945', text: 'Où est mon colis ?' });
    const answer = await api('POST', '/2/tweets', { text: 'Nous regardons tout de suite !', reply: { in_reply_to_tweet_id: mentionId } });
    expect(answer.status).toBe(201);
    expect(sandbox.x.tweets).toEqual([expect.objectContaining({ id: answer.body.data.id, inReplyToId: mentionId })]);
    await sandbox.x.idle();
    const echo = JSON.parse(relais.received.at(-1)!.raw.toString('utf8').replace(/"id":\d+,/g, '')) as any;
    expect(echo.tweet_create_events[0]).toMatchObject({ id_str: answer.body.data.id, in_reply_to_status_id_str: mentionId, user: { id_str: '1480000000000000001' } });
  });

  it('refuses a post over 280 weighted characters (URLs 23, emoji 2)', async () => {
    expect((await api('POST', '/2/tweets', { text: '😀'.repeat(140) })).status).toBe(201);
    const tooLong = await api('POST', '/2/tweets', { text: '😀'.repeat(141) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].message).toContain('282 of 280');
  });

  it('answers 403 to a DM for someone who does not accept DMs', async () => {
    const refused = await api('POST', '/2/dm_conversations/with/9007199254740993/messages', { text: 'Bonjour Léa' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/not permitted to send Direct Messages/);
    const sent = await api('POST', '/2/dm_conversations/with/2244994945/messages', { text: 'Bonjour Camille' });
    expect(sent.status).toBe(201);
    expect(sent.body.data.dm_conversation_id).toBe('2244994945-1480000000000000001');
    expect(sandbox.x.dms).toEqual([expect.objectContaining({ id: sent.body.data.dm_event_id, recipientId: '2244994945' })]);
  });

  it('answers 429 once the endpoint’s quota is spent, until the reset', async () => {
    sandbox.x.setQuota('POST /2/dm_conversations/with/:id/messages', 2);
    const first = await api('POST', '/2/dm_conversations/with/2244994945/messages', { text: 'un' });
    expect(first.headers.get('x-rate-limit-limit')).toBe('2');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
    const reset = Number(first.headers.get('x-rate-limit-reset'));
    expect(reset * 1000).toBeGreaterThan(sandbox.x.now());
    expect((await api('POST', '/2/dm_conversations/with/2244994945/messages', { text: 'deux' })).status).toBe(201);
    const limited = await api('POST', '/2/dm_conversations/with/2244994945/messages', { text: 'trois' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-rate-limit-reset'))).toBe(reset);
    expect((await api('GET', '/2/users/me')).status).toBe(200); // other endpoints keep their own window
    sandbox.x.advanceTime(reset * 1000 - sandbox.x.now() + 1);
    expect((await api('POST', '/2/dm_conversations/with/2244994945/messages', { text: 'quatre' })).status).toBe(201);
  });

  it('refuses an unknown token with 401 and fails on demand', async () => {
    const res = await fetch(`${sandbox.x.apiBase}/2/users/me`, { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    sandbox.x.failNext({ path: '/2/tweets', status: 503 });
    expect((await api('POST', '/2/tweets', { text: 'Bonjour' })).status).toBe(503);
    expect((await api('POST', '/2/tweets', { text: 'Bonjour' })).status).toBe(201);
  });

  it('pages the mentions timeline newest first with since_id', async () => {
    const ids = [];
    for (const text of ['un', 'deux', 'trois']) ids.push((await sandbox.x.mention({ from: '2244994945', text })).id);
    const first = await api('GET', `/2/users/1480000000000000001/mentions?max_results=2&since_id=${ids[0]}`);
    expect(first.body.data.map((t: any) => t.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.meta).toMatchObject({ result_count: 2, newest_id: ids[2] });
    expect(first.body.meta.next_token).toBeUndefined();
  });
});
