import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity, VISITOR_TOKEN_TTL_MS } from '../../channels/index.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../testing.ts';

const SHOP = 'https://boutique-lea.example';
const H = 3_600_000;

// Site-chat credentials that age: visitor tokens expire and renew, identify signatures are
// timed, and the identify secret rotates with a grace period for the previous one.
describe('site chat tokens and identify secrets over time', () => {
  let relais: TestRelais;
  let owner: Browser;
  let channelId: string;

  const call = async (url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await relais.app.inject({ method: body === undefined ? 'GET' : 'POST', url, headers: { origin: 'http://relais.test', host: 'relais.test', ...headers }, ...(body === undefined ? {} : { payload: body as object }) });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined };
  };
  const session = (token?: string) => call('/widget/api/session', { channelId, parentOrigin: SHOP, ...(token ? { token } : {}) });
  const as = (token: string) => ({ 'x-relais-visitor': token });
  const secret = async () => (await owner.get(`/api/v1/channels/${channelId}/webchat`)).body.identifySecret as string;
  const identify = (token: string, key: string, email: string) => {
    const identity = { email };
    return call('/widget/api/identify', { identity, signature: signIdentity(key, identity, relais.clock.now()) }, as(token));
  };

  beforeAll(async () => {
    // The owner's console session outlives the months this test moves the clock through.
    relais = await startTestRelais('sqlite', { RELAIS_SESSION_IDLE_MINUTES: '100000', RELAIS_SESSION_MAX_DAYS: '365' });
    owner = await setUpOwner(relais.app);
    channelId = (await owner.post('/api/v1/channels/webchat', { allowedOrigins: [SHOP] })).body.id;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('expires a visitor token, and renews it for the same visitor without losing the thread', async () => {
    const first = (await session()).body;
    expect(first.expiresAt).toBe(relais.clock.now() + VISITOR_TOKEN_TTL_MS);
    expect((await call('/widget/api/history', undefined, as(first.token))).status).toBe(200);
    relais.clock.advance(VISITOR_TOKEN_TTL_MS + 1000);
    const expired = await call('/widget/api/history', undefined, as(first.token));
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('auth.required');
    // What the widget does on that 401: ask for a session with the token it holds.
    const renewed = (await session(first.token)).body;
    expect(renewed.visitorId).toBe(first.visitorId);
    expect(renewed.token).not.toBe(first.token);
    expect((await call('/widget/api/history', undefined, as(renewed.token))).status).toBe(200);
  });

  it('does not renew a token past the renewal window: that visitor starts afresh', async () => {
    const first = (await session()).body;
    relais.clock.advance(31 * 24 * H);
    const later = (await session(first.token)).body;
    expect(later.visitorId).not.toBe(first.visitorId);
  });

  it('refuses an identify signature older than 10 minutes', async () => {
    const { token } = (await session()).body;
    const identity = { email: 'old@example.fr' };
    const stale = signIdentity(await secret(), identity, relais.clock.now() - 11 * 60_000);
    const answer = await call('/widget/api/identify', { identity, signature: stale }, as(token));
    expect(answer.body).toEqual({ status: 'refused', reason: 'expired' });
  });

  it('rotates the identify secret: the previous one passes during the grace period, then not', async () => {
    const old = await secret();
    const agent = await owner.post(`/api/v1/channels/${channelId}/webchat/identify-secret`, { graceHours: 2 });
    expect(agent.status).toBe(200);
    expect(agent.body.identifySecret).not.toBe(old);
    expect(agent.body.previousSecretAcceptedUntil).toBe(relais.clock.now() + 2 * H);
    expect((await owner.get(`/api/v1/channels/${channelId}/webchat`)).body).toMatchObject({ identifySecret: agent.body.identifySecret, previousSecretAcceptedUntil: relais.clock.now() + 2 * H });

    const { token } = (await session()).body;
    expect((await identify(token, old, 'grace@example.fr')).body.status).toBe('verified');
    expect((await identify(token, agent.body.identifySecret, 'new@example.fr')).body.status).toBe('verified');
    relais.clock.advance(2 * H + 1000);
    const { token: later } = (await session()).body;
    expect((await identify(later, old, 'late@example.fr')).body).toEqual({ status: 'refused', reason: 'bad_signature' });
    expect((await identify(later, agent.body.identifySecret, 'late@example.fr')).body.status).toBe('verified');
  });

  it('ends the previous secret at once with a grace of 0 (a leaked secret)', async () => {
    const leaked = await secret();
    await owner.post(`/api/v1/channels/${channelId}/webchat/identify-secret`, { graceHours: 0 });
    const { token } = (await session()).body;
    expect((await identify(token, leaked, 'thief@example.fr')).body.status).toBe('refused');
  });
});
