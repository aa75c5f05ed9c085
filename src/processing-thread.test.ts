import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addChannel } from './channels/index.ts';
import { meta, signedMetaRequest } from './channels/testing.ts';
import { createSealer, loadConfig, systemClock } from './kernel/index.ts';
import { createRelais, type Relais } from './main.ts';
import { setUpOwner, type Browser } from './http/testing.ts';

const SECRET = 'thread-test-meta-secret';
const PAGE = '1000000000000444';

// `relais start`: the webhook is acknowledged on the main thread, processed on the processing
// thread (its own SQLite connection), and the agent's socket on the main thread hears it.
describe('the embedded processing thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-thread-'));
  let relais: Relais;
  let base: string;
  let owner: Browser;
  let workspaceId: string;

  beforeAll(async () => {
    const config = loadConfig({ RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', RELAIS_META_APP_SECRET: SECRET });
    relais = await createRelais(config, { processing: 'thread', consoleDir: join(dataDir, 'no-console') });
    base = await relais.listen();
    owner = await setUpOwner(relais.app!);
    workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
    await addChannel({ db: relais.store.db, clock: systemClock, sealer: createSealer(config.secretKey) }, {
      workspaceId, kind: 'meta', name: 'Page', externalId: PAGE, accountIds: [PAGE], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'x' },
    });
  }, 60_000);
  afterAll(async () => {
    await relais?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // A burst must be acknowledged first: the processing thread yields the CPU to the HTTP thread.
  it.runIf(existsSync('/proc/thread-self'))('runs the processing thread at a lower priority than the thread that acknowledges webhooks', () => {
    const niceness = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    const threads = readdirSync('/proc/self/task').map((id) => ({ id: Number(id), nice: niceness(readFileSync(`/proc/self/task/${id}/stat`, 'utf8')) }));
    const own = niceness(readFileSync('/proc/thread-self/stat', 'utf8'));
    expect(threads.filter((thread) => thread.nice === Math.min(19, own + 5))).toHaveLength(1);
    expect(threads.filter((thread) => thread.nice !== own)).toHaveLength(1);
  });

  it('processes a webhook on the thread and tells the open sockets', async () => {
    const host = new URL(base).host;
    const cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/realtime`, { headers: { cookie, origin: `http://${host}` } });
    const events: { type: string; data: { conversationId?: string } }[] = [];
    const created = new Promise<{ conversationId?: string }>((resolve) => {
      ws.on('message', (raw) => {
        const message = JSON.parse(raw.toString()) as { type: string; event?: { type: string; data: { conversationId?: string } } };
        if (message.type !== 'event' || !message.event) return;
        events.push(message.event);
        if (message.event.type === 'message.created') resolve(message.event.data);
      });
    });
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });

    const { body, headers } = signedMetaRequest(meta.page(meta.message(PAGE, { psid: '7001', mid: 'm_thread_1', text: 'Traité à côté 🧵', at: Date.now() })), SECRET);
    const ack = await fetch(`${base}/hooks/meta`, { method: 'POST', body, headers });
    expect(ack.status).toBe(200);
    const { conversationId } = await created;
    ws.close();

    const conversation = await owner.get(`/api/v1/conversations/${conversationId}`);
    expect(conversation.status).toBe(200);
    expect(JSON.stringify(conversation.body)).toContain('Traité à côté 🧵');
    // Sequenced by the main thread's bus, which is what a reconnecting tab asks.
    expect(await relais.bus.head(workspaceId)).toBeGreaterThanOrEqual(events.length);
  }, 30_000);
});
