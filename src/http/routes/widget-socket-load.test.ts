import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitFor } from '../../jobs/testing.ts';
import { testDialects } from '../../store/testing.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../testing.ts';

const SHOP = 'https://boutique-odile.example';

describe.each(await testDialects())('site chat socket in a busy workspace (%s)', (dialect) => {
  let relais: TestRelais;
  let owner: Browser;
  let base: string;
  let channelId: string;
  let workspaceId: string;
  let queries = 0;
  let messageReads = 0;

  const newVisitor = async () => (await relais.app.inject({ method: 'POST', url: '/widget/api/session', headers: { origin: SHOP }, payload: { channelId, parentOrigin: SHOP } })).json().token as string;
  const say = (token: string, clientMessageId: string, text: string) => relais.app.inject({
    method: 'POST', url: '/widget/api/messages', headers: { origin: SHOP, 'x-relais-visitor': token }, payload: { clientMessageId, text },
  });
  const conversationWith = async (text: string) => {
    let id = '';
    await waitFor(async () => {
      const list = (await owner.get('/api/v1/conversations')).body.conversations as { id: string; lastMessage?: { text: string } }[];
      id = list.find((c) => c.lastMessage?.text === text)?.id ?? '';
      return id !== '';
    }, 15_000, `the conversation saying ${text}`);
    return id;
  };

  beforeAll(async () => {
    relais = await startTestRelais(dialect);
    base = await relais.listen();
    owner = await setUpOwner(relais.app);
    workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
    channelId = (await owner.post('/api/v1/channels/webchat', { allowedOrigins: [SHOP] })).body.id;
    await relais.queue.start();
    // Every query Relais runs outside a transaction goes through this executor.
    const executor = relais.store.db.getExecutor();
    const run = executor.executeQuery.bind(executor);
    executor.executeQuery = ((...args: Parameters<typeof run>) => {
      // The job queue's own polling is not the widget's.
      if (!/"jobs"/.test(args[0].sql)) queries += 1;
      // The history read: a visitor's thread, notes left out.
      if (/from "messages" where .*"kind" != .*"status" != /.test(args[0].sql)) messageReads += 1;
      return run(...args);
    }) as typeof executor.executeQuery;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('costs an idle widget no query per event or presence signal of other threads, and still follows its own', async () => {
    const busy = await newVisitor();
    await say(busy, 'busy-000001', 'Où est mon colis ?');
    const other = await conversationWith('Où est mon colis ?');
    const otherMessage = (await owner.get(`/api/v1/conversations/${other}`)).body.messages[0].id as string;

    const idle = await newVisitor();
    const ws = new WebSocket(`${base.replace('http', 'ws')}/widget/api/socket?token=${encodeURIComponent(idle)}`, { headers: { origin: SHOP } });
    const received: any[] = [];
    ws.on('message', (raw) => received.push(JSON.parse(raw.toString())));
    await waitFor(() => received.some((m) => m.type === 'hello'), 5000, 'the socket open');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const before = queries;
    for (let i = 0; i < 20; i++) {
      relais.bus.signal(workspaceId, { type: 'presence', users: [{ conversationId: other, typing: i % 2 === 0 }] });
      await relais.bus.publish(workspaceId, 'message.created', { conversationId: other, messageId: otherMessage, direction: 'in' });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    // One look-up tells the other conversation is not this visitor's; before, 60 queries.
    expect(queries - before).toBeLessThanOrEqual(4);
    expect(received.filter((m) => m.type !== 'hello')).toEqual([]);

    // The idle visitor writes: their thread begins, and the widget follows it.
    await say(idle, 'idle-000001', 'Bonjour, une question');
    await waitFor(() => received.some((m) => m.type === 'message' && m.message.text === 'Bonjour, une question'), 10_000, 'the visitor own message echoed');
    const mine = await conversationWith('Bonjour, une question');
    relais.bus.signal(workspaceId, { type: 'presence', users: [{ conversationId: mine, typing: true }] });
    await waitFor(() => received.some((m) => m.type === 'typing' && m.typing === true), 5000, 'the agent typing');
    await owner.post(`/api/v1/conversations/${mine}/messages`, { text: 'Je regarde cela.', visibility: 'private' });
    await waitFor(() => received.some((m) => m.type === 'message' && m.message.text === 'Je regarde cela.'), 10_000, 'the reply pushed');
    expect(received.filter((m) => m.type === 'message').map((m) => m.message.text)).toEqual(['Bonjour, une question', 'Je regarde cela.']);
    ws.close();
  });

  it('tells the team one typing and at most one read mark a second however fast the widget sends them', async () => {
    const visitor = await newVisitor();
    await say(visitor, 'fast-000001', 'Je tape vite');
    const conversationId = await conversationWith('Je tape vite');
    const readsBefore = messageReads;
    const ws = new WebSocket(`${base.replace('http', 'ws')}/widget/api/socket?token=${encodeURIComponent(visitor)}`, { headers: { origin: SHOP } });
    const received: any[] = [];
    ws.on('message', (raw) => received.push(JSON.parse(raw.toString())));
    await waitFor(() => received.some((m) => m.type === 'hello'), 5000, 'the socket open');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Opening the live line finds the thread without reading its messages again (the session did).
    expect(messageReads - readsBefore).toBe(0);
    const signals: any[] = [];
    const off = relais.bus.subscribeSignals(workspaceId, (signal) => signals.push(signal));

    for (let i = 0; i < 40; i++) {
      ws.send(JSON.stringify({ type: 'typing', typing: true }));
      ws.send(JSON.stringify({ type: 'read' }));
    }
    ws.send(JSON.stringify({ type: 'ping' }));
    await waitFor(() => received.some((m) => m.type === 'pong'), 5000, 'all sent');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    off();
    const mine = signals.filter((s) => s.type === 'visitor' && s.conversationId === conversationId);
    expect(mine.filter((s) => s.typing === true)).toHaveLength(1);
    const reads = mine.filter((s) => typeof s.readAt === 'number');
    // The first mark at once, the rest folded into one a second later: the last read is never lost
    // (a third only if the machine is so slow the 40 reads span more than a second).
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.length).toBeLessThanOrEqual(3);
    ws.close();
  });
});
