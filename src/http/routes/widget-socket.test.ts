import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitFor } from '../../jobs/testing.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../testing.ts';

const SHOP = 'https://boutique-lea.example';

function open(url: string, origin: string, protocols: string[] = []): Promise<{ ws: WebSocket; received: any[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers: { origin } });
    const received: any[] = [];
    ws.on('message', (raw) => received.push(JSON.parse(raw.toString())));
    ws.on('open', () => resolve({ ws, received }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

describe('site chat socket', () => {
  let relais: TestRelais;
  let owner: Browser;
  let base: string;
  let token: string;
  let channelId: string;

  beforeAll(async () => {
    relais = await startTestRelais('sqlite');
    base = await relais.listen();
    owner = await setUpOwner(relais.app);
    channelId = (await owner.post('/api/v1/channels/webchat', { allowedOrigins: [SHOP] })).body.id;
    const session = await relais.app.inject({ method: 'POST', url: '/widget/api/session', headers: { origin: SHOP }, payload: { channelId, parentOrigin: SHOP } });
    token = session.json().token;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('refuses a foreign origin and a forged token', async () => {
    const url = `${base.replace('http', 'ws')}/widget/api/socket?token=${encodeURIComponent(token)}`;
    await expect(open(url, 'https://evil.example')).rejects.toThrow('refused with 403');
    await expect(open(`${base.replace('http', 'ws')}/widget/api/socket?token=v1.e30.forged`, SHOP)).rejects.toThrow('refused with 401');
  });

  it('brings the agent reply live, never a note, and tells the console when the visitor types', async () => {
    const { ws, received } = await open(`${base.replace('http', 'ws')}/widget/api/socket?token=${encodeURIComponent(token)}`, SHOP);
    const headers = { origin: SHOP, 'x-relais-visitor': token };
    await relais.app.inject({ method: 'POST', url: '/widget/api/messages', headers, payload: { clientMessageId: 'first-message', text: 'Bonjour' } });
    await waitFor(() => received.some((m) => m.type === 'message' && m.message.direction === 'in'), 10_000, 'the visitor own message echoed');
    const conversationId = (await owner.get('/api/v1/conversations')).body.conversations[0].id;

    const signals: unknown[] = [];
    const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
    const off = relais.bus.subscribeSignals(workspaceId, (signal) => signals.push(signal));
    ws.send(JSON.stringify({ type: 'typing', typing: true }));
    await waitFor(() => signals.some((s: any) => s.type === 'visitor' && s.typing === true && s.conversationId === conversationId), 5000, 'the typing signal');
    off();

    await owner.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'Note pour l’équipe', visibility: 'note' });
    await owner.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'Bonjour, je regarde.', visibility: 'private' });
    await waitFor(() => received.some((m) => m.type === 'message' && m.message.direction === 'out'), 10_000, 'the reply pushed');
    expect(received.filter((m) => m.type === 'message').map((m) => m.message.text)).toEqual(['Bonjour', 'Bonjour, je regarde.']);
    ws.close();
  });

  it('takes the token as a subprotocol, so it is never in the URL, and still refuses a forged one', async () => {
    const { ws, received } = await open(`${base.replace('http', 'ws')}/widget/api/socket`, SHOP, ['relais-visitor', token]);
    expect(ws.protocol).toBe('relais-visitor');
    await waitFor(() => received.some((m) => m.type === 'hello'), 5000, 'hello');
    ws.close();
    await expect(open(`${base.replace('http', 'ws')}/widget/api/socket`, SHOP, ['relais-visitor', 'v1.e30.forged'])).rejects.toThrow('refused with 401');
    await expect(open(`${base.replace('http', 'ws')}/widget/api/socket`, 'https://evil.example', ['relais-visitor', token])).rejects.toThrow('refused with 403');
  });

  it('holds at most ten open lines for one visitor, and frees a place when one closes', async () => {
    const url = `${base.replace('http', 'ws')}/widget/api/socket`;
    const lines: { ws: WebSocket; received: any[] }[] = [];
    for (let i = 0; i < 10; i++) lines.push(await open(url, SHOP, ['relais-visitor', token]));
    await waitFor(() => lines.every((line) => line.received.some((m) => m.type === 'hello')), 5000, 'ten lines open');
    const extra = await open(url, SHOP, ['relais-visitor', token]);
    const code = await new Promise<number>((resolve) => extra.ws.on('close', (closed) => resolve(closed)));
    expect(code).toBe(1008);
    expect(extra.received).toEqual([]);

    lines[0]!.ws.close();
    await new Promise((resolve) => lines[0]!.ws.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await open(url, SHOP, ['relais-visitor', token]);
    await waitFor(() => again.received.some((m) => m.type === 'hello'), 5000, 'a line open again');
    for (const line of [...lines.slice(1), again]) line.ws.close();
  });
});
