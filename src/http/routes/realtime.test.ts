import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../testing.ts';

interface Socket { messages: any[]; ws: WebSocket; next(type: string): Promise<any> }

function connect(url: string, headers: Record<string, string>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const messages: any[] = [];
    const waiters: { type: string; resolve: (m: any) => void }[] = [];
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString());
      const waiter = waiters.findIndex((w) => w.type === message.type);
      if (waiter >= 0) waiters.splice(waiter, 1)[0]!.resolve(message);
      else messages.push(message);
    });
    const next = (type: string) => new Promise<any>((done) => {
      const queued = messages.findIndex((m) => m.type === type);
      if (queued >= 0) done(messages.splice(queued, 1)[0]);
      else waiters.push({ type, resolve: done });
    });
    ws.on('open', () => resolve({ ws, messages, next }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

describe('realtime socket', () => {
  let relais: TestRelais;
  let owner: Browser;
  let base: string;
  let cookie: string;
  let workspaceId: string;

  beforeAll(async () => {
    relais = await startTestRelais('sqlite');
    base = (await relais.listen()).replace('http', 'ws');
    owner = await setUpOwner(relais.app);
    cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('streams the workspace events with sequence numbers and replays what a reconnecting tab missed', async () => {
    const host = new URL(base).host;
    const first = await connect(`${base}/api/v1/realtime`, { cookie, origin: `http://${host}` });
    const hello = await first.next('hello');
    expect(hello).toMatchObject({ epoch: relais.bus.epoch, seq: 0 });
    await relais.bus.publish(workspaceId, 'message.created', { text: 'Bonjour' });
    expect((await first.next('event')).event).toMatchObject({ seq: 1, type: 'message.created', data: { text: 'Bonjour' } });
    first.ws.close();

    await relais.bus.publish(workspaceId, 'message.created', { text: 'pendant la coupure' });
    await relais.bus.publish('another-workspace', 'message.created', { text: 'pas pour vous' });
    const second = await connect(`${base}/api/v1/realtime`, { cookie, origin: `http://${host}` });
    await second.next('hello');
    second.ws.send(JSON.stringify({ type: 'resume', epoch: relais.bus.epoch, seq: 1 }));
    expect((await second.next('event')).event).toMatchObject({ seq: 2, data: { text: 'pendant la coupure' } });
    second.ws.send(JSON.stringify({ type: 'resume', epoch: 'old-epoch', seq: 1 }));
    expect(await second.next('reload')).toMatchObject({ epoch: relais.bus.epoch });
    second.ws.close();
  });

  it('sends a reconnecting tab every event once and in order, even one published between hello and its resume', async () => {
    const host = new URL(base).host;
    const start = (await relais.bus.head(workspaceId));
    await relais.bus.publish(workspaceId, 'message.created', { text: 'manqué 1' });
    await relais.bus.publish(workspaceId, 'message.created', { text: 'manqué 2' });
    const tab = await connect(`${base}/api/v1/realtime`, { cookie, origin: `http://${host}` });
    await tab.next('hello');
    // Published after hello, before the tab says where it stands: it must not overtake the replay.
    await relais.bus.publish(workspaceId, 'message.created', { text: 'en direct' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    tab.ws.send(JSON.stringify({ type: 'resume', epoch: relais.bus.epoch, seq: start }));
    const texts: string[] = [];
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { event } = await tab.next('event');
      texts.push(event.data.text);
      seqs.push(event.seq);
    }
    expect(texts).toEqual(['manqué 1', 'manqué 2', 'en direct']);
    expect(seqs).toEqual([start + 1, start + 2, start + 3]);
    await relais.bus.publish(workspaceId, 'message.created', { text: 'ensuite' });
    expect((await tab.next('event')).event).toMatchObject({ seq: start + 4, data: { text: 'ensuite' } });
    expect(tab.messages.filter((message) => message.type === 'event')).toEqual([]);
    tab.ws.close();
  });

  it('keeps live events behind a slow replay, even when the tab speaks again meanwhile', async () => {
    const host = new URL(base).host;
    const start = await relais.bus.head(workspaceId);
    await relais.bus.publish(workspaceId, 'message.created', { text: 'manqué' });
    const tab = await connect(`${base}/api/v1/realtime`, { cookie, origin: `http://${host}` });
    await tab.next('hello');
    // A replay that takes its time (a busy database), during which the tab also says where it is.
    const since = relais.bus.since.bind(relais.bus);
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => { finish = resolve; });
    relais.bus.since = async (...args) => { await slow; return since(...args); };
    try {
      tab.ws.send(JSON.stringify({ type: 'resume', epoch: relais.bus.epoch, seq: start }));
      tab.ws.send(JSON.stringify({ type: 'presence', conversationId: null, typing: false }));
      await tab.next('presence');
      await relais.bus.publish(workspaceId, 'message.created', { text: 'pendant le rattrapage' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      finish();
      const first = (await tab.next('event')).event;
      const second = (await tab.next('event')).event;
      expect([first.data.text, second.data.text]).toEqual(['manqué', 'pendant le rattrapage']);
      expect([first.seq, second.seq]).toEqual([start + 1, start + 2]);
    } finally {
      relais.bus.since = since;
      tab.ws.close();
    }
  });

  it('lets a client that says nothing still receive live events', async () => {
    const host = new URL(base).host;
    const tab = await connect(`${base}/api/v1/realtime`, { cookie, origin: `http://${host}` });
    await tab.next('hello');
    await relais.bus.publish(workspaceId, 'message.created', { text: 'pour un client muet' });
    expect((await tab.next('event')).event).toMatchObject({ data: { text: 'pour un client muet' } });
    tab.ws.close();
  });

  it('tells every tab of the workspace who is looking at a conversation and who is typing', async () => {
    const host = new URL(base).host;
    const lea = await connect(`${base}/api/v1/realtime`, { cookie, origin: `http://${host}` });
    const other = await connect(`${base}/api/v1/realtime`, { cookie, origin: `http://${host}` });
    await lea.next('hello');
    await other.next('hello');
    // Each tab is told who is already there when it connects.
    expect(await other.next('presence')).toEqual({ type: 'presence', users: [] });
    await lea.next('presence');
    lea.ws.send(JSON.stringify({ type: 'presence', conversationId: 'cv_1', typing: true }));
    expect(await other.next('presence')).toEqual({ type: 'presence', users: [{ userId: expect.any(String), name: 'Léa Martin', conversationId: 'cv_1', typing: true }] });
    lea.ws.close();
    expect((await other.next('presence')).users).toEqual([]);
    other.ws.close();
  });

  it('refuses another origin, and a browser with no session', async () => {
    await expect(connect(`${base}/api/v1/realtime`, { cookie, origin: 'https://evil.example' })).rejects.toThrow('refused with 403');
    const host = new URL(base).host;
    await expect(connect(`${base}/api/v1/realtime`, { origin: `http://${host}` })).rejects.toThrow('refused with 401');
  });
});
