import { describe, expect, it } from 'vitest';
import { createRealtimeClient, realtimeUrl, reconnectDelay, type RealtimeEvent, type SocketLike } from './realtime-client.ts';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  send(data: string) { this.sent.push(JSON.parse(data)); }
  close() { this.readyState = 3; this.onclose?.(); }
  open() { this.readyState = 1; this.onopen?.(); }
  receive(message: unknown) { this.onmessage?.({ data: JSON.stringify(message) }); }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const log = { events: [] as RealtimeEvent[], reloads: 0, states: [] as string[], presence: [] as unknown[] };
  const client = createRealtimeClient({
    url: 'ws://relais.test/api/v1/realtime',
    createSocket: () => { const s = new FakeSocket(); sockets.push(s); return s; },
    setTimeout: (run, ms) => { const t = { run, ms, cleared: false }; timers.push(t); return t; },
    clearTimeout: (t) => { if (t) (t as { cleared: boolean }).cleared = true; },
    random: () => 0.5,
  }, {
    event: (e) => log.events.push(e),
    reload: () => { log.reloads += 1; },
    presence: (users) => log.presence.push(users),
    state: (s) => log.states.push(s),
  });
  const pendingRetry = () => timers.filter((t) => !t.cleared && t.ms < 20_000).at(-1);
  return { client, sockets, timers, log, pendingRetry };
}

const event = (seq: number, epoch = 'e1') => ({ type: 'event', event: { seq, epoch, type: 'message.created', data: { conversationId: 'c1' }, at: 0 } });

describe('realtime client', () => {
  it('backs off from half a second to fifteen', () => {
    expect([0, 1, 2, 5, 12].map((n) => reconnectDelay(n, () => 0.5))).toEqual([500, 1000, 2000, 15_000, 15_000]);
    expect(reconnectDelay(0, () => 0)).toBe(375);
    expect(realtimeUrl({ protocol: 'https:', host: 'relais.shop:8443' })).toBe('wss://relais.shop:8443/api/v1/realtime');
    expect(realtimeUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/api/v1/realtime');
  });

  it('resumes after a reconnect from the last sequence seen, and handles a replayed event once', () => {
    const { client, sockets, log, pendingRetry } = harness();
    client.start();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'hello', epoch: 'e1', seq: 4 });
    sockets[0]!.receive(event(5));
    expect(sockets[0]!.sent).toEqual([{ type: 'presence', conversationId: null, typing: false }]);
    sockets[0]!.close();
    expect(log.states).toEqual(['connecting', 'connected', 'reconnecting']);

    pendingRetry()!.run();
    sockets[1]!.open();
    sockets[1]!.receive({ type: 'hello', epoch: 'e1', seq: 7 });
    expect(sockets[1]!.sent).toEqual([{ type: 'resume', epoch: 'e1', seq: 5 }, { type: 'presence', conversationId: null, typing: false }]);
    sockets[1]!.receive(event(7));
    sockets[1]!.receive(event(6));
    sockets[1]!.receive(event(7));
    expect(log.events.map((e) => e.seq)).toEqual([5, 7, 6]);
    expect(log.states.at(-1)).toBe('connected');
  });

  it('asks the page to refetch when the server cannot replay', () => {
    const { client, sockets, log, pendingRetry } = harness();
    client.start();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'hello', epoch: 'e1', seq: 2 });
    sockets[0]!.close();
    pendingRetry()!.run();
    sockets[1]!.open();
    sockets[1]!.receive({ type: 'hello', epoch: 'e2', seq: 0 });
    sockets[1]!.receive({ type: 'reload', epoch: 'e2' });
    expect(log.reloads).toBe(1);
    sockets[1]!.receive(event(1, 'e2'));
    expect(log.events.map((e) => [e.epoch, e.seq])).toEqual([['e2', 1]]);
  });

  it('tells the server where the agent is, again after a reconnect, and forgets others’ presence while cut off', () => {
    const { client, sockets, log, pendingRetry } = harness();
    client.start();
    client.setPresence('c1', false);
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'hello', epoch: 'e1', seq: 0 });
    expect(sockets[0]!.sent).toEqual([{ type: 'presence', conversationId: 'c1', typing: false }]);
    client.setPresence('c1', true);
    client.setPresence('c1', true);
    expect(sockets[0]!.sent).toHaveLength(2);
    sockets[0]!.receive({ type: 'presence', users: [{ userId: 'u2', name: 'Karim', conversationId: 'c1', typing: false }] });
    sockets[0]!.close();
    expect(log.presence.at(-1)).toEqual([]);
    pendingRetry()!.run();
    sockets[1]!.open();
    sockets[1]!.receive({ type: 'hello', epoch: 'e1', seq: 0 });
    expect(sockets[1]!.sent).toEqual([{ type: 'resume', epoch: 'e1', seq: 0 }, { type: 'presence', conversationId: 'c1', typing: true }]);
  });

  it('closes a connection that stopped answering pings, then reconnects', () => {
    const { client, sockets, timers } = harness();
    client.start();
    sockets[0]!.open();
    timers.at(-1)!.run();
    expect(sockets[0]!.sent).toEqual([{ type: 'ping' }]);
    timers.at(-1)!.run();
    expect(sockets[0]!.readyState).toBe(3);
    expect(timers.at(-1)!.ms).toBe(500);
  });
});
