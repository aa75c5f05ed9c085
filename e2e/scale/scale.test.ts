import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailable } from '../../src/store/testing.ts';
import { redisServerInstalled } from '../../src/realtime/testing.ts';
import pg from 'pg';
import { sql } from '../../src/store/index.ts';
import { chromiumAvailable, openProfile } from '../browser.ts';
import { profileApi } from '../api.ts';
import { addAgent, createCluster, OWNER, RealtimeClient, signIn, startBalancer, waitUntil, type Agent, type Cluster, type RelaisProcess } from './cluster.ts';

// Scale mode end to end: two `relais serve` (A and B) and one `relais worker` as real processes
// on one PostgreSQL database and one Redis. Needs PostgreSQL and a redis-server binary; under
// CI=true a missing PostgreSQL fails the run (postgresUnavailable throws).
const missing = (await postgresUnavailable()) ?? (redisServerInstalled() ? null : 'no redis-server binary on the PATH');
if (missing) {
  if (process.env.CI === 'true') throw new Error(`scale suite: ${missing}; CI=true requires it`);
  console.warn(`scale suite skipped: ${missing}`);
}

describe.runIf(!missing)('scale mode: two serve processes and a worker', () => {
  let cluster: Cluster;
  let a: RelaisProcess;
  let b: RelaisProcess;
  let worker: RelaisProcess;
  let owner: Agent;
  const clients: RealtimeClient[] = [];
  const open = (agent: Agent) => {
    const client = new RealtimeClient(agent);
    clients.push(client);
    return client;
  };
  const messageIds = async (mids: string[]) => {
    const rows = await cluster.store.db.selectFrom('messages').select(['id', 'external_id']).where('external_id', 'in', mids).execute();
    return new Map(rows.map((row) => [row.external_id!, row.id]));
  };

  beforeAll(async () => {
    // A lease of 2 s, so a job held by a killed worker goes to another within the test.
    cluster = await createCluster({ RELAIS_JOB_LEASE_SECONDS: '2' });
    [a, b, worker] = await Promise.all([cluster.serve(), cluster.serve(), cluster.worker()]);
    owner = await signIn(a.url, OWNER.email, OWNER.password);
  }, 90_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await cluster?.close();
  });

  it('shows an agent on A, within a second, a message whose webhook was posted to B', async () => {
    const agent = open(owner);
    await agent.connect(a.url);
    const posted = Date.now();
    expect((await cluster.webhook(b.url, 'm_cross_1', 'Où est mon colis ?')).status).toBe(200);
    await waitUntil(() => agent.messagesCreated().length === 1, 5000, 'the message on A');
    const ids = await messageIds(['m_cross_1']);
    expect(agent.messagesCreated()).toEqual([ids.get('m_cross_1')]);
    const latency = agent.events.find((event) => event.type === 'message.created')!.receivedAt - posted;
    console.log(`webhook on B → event on A: ${latency} ms`);
    expect(latency).toBeLessThan(1000);
  });

  it.runIf(chromiumAvailable())('shows it in a real browser too: the console on A lists, within a second, a message posted to B', async () => {
    const profile = await openProfile({ locale: 'fr-FR' });
    try {
      const api = profileApi(profile.context, a.url);
      await api.post('/api/v1/auth/sign-in', { email: OWNER.email, password: OWNER.password });
      await profile.page.goto(`${a.url}/`);
      // New conversations are unassigned: the "all open" view lists them.
      await profile.page.getByText('Toutes les ouvertes').click();
      // A first message (not timed): the console is loaded and live on A's socket once it shows.
      expect((await cluster.webhook(b.url, 'm_browser_0', 'Premier message vu sur A')).status).toBe(200);
      await profile.page.locator('[data-testid=conversation-row]', { hasText: 'Premier message vu sur A' }).waitFor({ timeout: 20_000 });
      const posted = Date.now();
      expect((await cluster.webhook(b.url, 'm_browser_1', 'Vu depuis le navigateur sur A')).status).toBe(200);
      await profile.page.locator('[data-testid=conversation-row]', { hasText: 'Vu depuis le navigateur sur A' }).waitFor({ timeout: 5000 });
      const shown = Date.now() - posted;
      console.log(`webhook on B → row in Chromium on A: ${shown} ms`);
      expect(shown).toBeLessThan(1000);
      expect(profile.errors).toEqual([]);
    } finally {
      await profile.close();
    }
  }, 60_000);

  it('shows typing and who is in a conversation (the collision guard) across instances', async () => {
    const karim = await addAgent(b.url, owner, 'karim@maison-lune.fr', 'Karim');
    const onA = open(owner);
    const onB = open(karim);
    await onA.connect(a.url);
    await onB.connect(b.url);
    const conversation = await cluster.store.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow();
    onB.send({ type: 'presence', conversationId: conversation.id, typing: true });
    const karimThere = () => onA.signals.some((signal) => signal.type === 'presence'
      && (signal.users as { name: string; conversationId: string; typing: boolean }[]).some((user) => user.name === 'Karim' && user.conversationId === conversation.id && user.typing));
    await waitUntil(karimThere, 3000, 'Karim typing, seen on A');
    // Léa opens the same conversation on A: Karim, on B, sees her there before he sends.
    onA.send({ type: 'presence', conversationId: conversation.id, typing: false });
    await waitUntil(() => onB.signals.some((signal) => signal.type === 'presence'
      && (signal.users as { name: string; conversationId: string }[]).some((user) => user.name === 'Léa' && user.conversationId === conversation.id)), 3000, 'Léa in the conversation, seen on B');
    onB.close();
    await waitUntil(() => {
      const last = [...onA.signals].reverse().find((signal) => signal.type === 'presence');
      return !!last && !(last.users as { name: string }[]).some((user) => user.name === 'Karim');
    }, 3000, 'Karim gone, seen on A');
  });

  it('allows a rate-limited door N requests in total across both instances, not N each', async () => {
    // The invitation preview allows 30 a minute per IP (session.ts doorLimit).
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await fetch(`${i % 2 ? a.url : b.url}/api/v1/invitations/preview/not-a-token-${i}`);
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status !== 429)).toHaveLength(30);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
  });

  it('loses nothing acknowledged when Redis stops and starts under a load of webhooks, and screens heal without a reload', async () => {
    const agent = open(owner);
    await agent.connect(a.url);
    const mids = Array.from({ length: 60 }, (_, i) => `m_redis_${i}`);
    const acknowledged: string[] = [];
    const load = (async () => {
      for (const [i, mid] of mids.entries()) {
        const response = await cluster.webhook(i % 2 ? a.url : b.url, mid);
        if (response.status === 200) acknowledged.push(mid);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    await waitUntil(() => acknowledged.length >= 15, 10_000, 'the load under way');
    await cluster.redis.stop();
    await waitUntil(() => acknowledged.length >= 35, 10_000, 'webhooks taken while Redis is down');
    await cluster.redis.start();
    await load;
    expect(acknowledged).toEqual(mids);
    await waitUntil(async () => (await messageIds(mids)).size === mids.length, 20_000, 'every acknowledged message stored');
    const ids = await messageIds(mids);
    const expected = mids.map((mid) => ids.get(mid)!);
    await waitUntil(() => expected.every((id) => agent.messagesCreated().includes(id)), 15_000, 'the screen healed');
    expect(agent.reloads).toBe(0);
    const seqs = agent.events.map((event) => event.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  });

  it('moves a browser from A, killed with SIGKILL, to B with every event once', async () => {
    const agent = open(owner);
    await agent.connect(a.url);
    const mids = Array.from({ length: 30 }, (_, i) => `m_failover_${i}`);
    const load = (async () => {
      for (const mid of mids) {
        expect((await cluster.webhook(b.url, mid)).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    })();
    await waitUntil(() => agent.messagesCreated().length >= 5, 10_000, 'events flowing on A');
    const gone = agent.closed();
    await a.kill();
    await gone;
    await agent.connect(b.url); // the console's reconnect, to the instance the balancer picks
    await load;
    const ids = await (async () => {
      await waitUntil(async () => (await messageIds(mids)).size === mids.length, 20_000, 'every message stored');
      return messageIds(mids);
    })();
    const expected = mids.map((mid) => ids.get(mid)!);
    await waitUntil(() => expected.every((id) => agent.messagesCreated().includes(id)), 15_000, 'every event on B');
    expect(agent.reloads).toBe(0);
    const seqs = agent.events.map((event) => event.seq);
    expect(new Set(seqs).size).toBe(seqs.length); // none twice
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i)); // none missing
  });

  it.runIf(chromiumAvailable())('moves a real browser, behind a balancer, from an instance killed with SIGKILL to the other, with every event once and no reload', async () => {
    // Two more `serve` behind one address, as an operator runs them; the balancer sends each new
    // connection to the first instance that accepts it, so once C is dead the console lands on D.
    const targets: string[] = [];
    const balancer = await startBalancer(() => targets);
    const [c, d] = await Promise.all([cluster.serve({ publicUrl: balancer.url }), cluster.serve({ publicUrl: balancer.url })]);
    targets.push(c.url, d.url);
    const profile = await openProfile({ locale: 'fr-FR' });
    try {
      // Every realtime frame the console receives, on whichever socket, and every page load.
      const frames: { seq: number; type: string; socket: number }[] = [];
      const sockets: string[] = [];
      let loads = 0;
      profile.page.on('load', () => { loads++; });
      profile.page.on('websocket', (socket) => {
        const index = sockets.push(socket.url());
        socket.on('framereceived', ({ payload }) => {
          const message = JSON.parse(String(payload)) as { type: string; event?: { seq: number; type: string } };
          if (message.type === 'event' && message.event) frames.push({ seq: message.event.seq, type: message.event.type, socket: index });
        });
      });
      const api = profileApi(profile.context, balancer.url);
      await api.post('/api/v1/auth/sign-in', { email: OWNER.email, password: OWNER.password });
      await profile.page.goto(`${balancer.url}/`);
      await profile.page.getByText('Toutes les ouvertes').click();
      expect((await cluster.webhook(d.url, 'm_lb_0', 'Avant la panne')).status).toBe(200);
      const row = (text: string) => profile.page.locator('[data-testid=conversation-row]', { hasText: text });
      await row('Avant la panne').waitFor({ timeout: 20_000 });
      // Webhooks keep arriving on D while C, which holds the console's socket, is killed.
      const texts = Array.from({ length: 12 }, (_, i) => `Pendant la panne, message ${"ABCDEFGHIJKL"[i]}.`);
      const load = (async () => {
        for (const [i, text] of texts.entries()) {
          expect((await cluster.webhook(d.url, `m_lb_${i + 1}`, text)).status).toBe(200);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      await row(texts[1]!).waitFor({ timeout: 10_000 });
      await c.kill();
      await load;
      for (const text of texts) await row(text).waitFor({ timeout: 20_000 });
      for (const text of ['Avant la panne', ...texts]) expect(await row(text).count()).toBe(1);
      // The console reconnected (a second socket, through the same address) and resumed: every
      // event once, in order, none missing, and the page never reloaded.
      expect(sockets.length).toBeGreaterThanOrEqual(2);
      expect(loads).toBe(1);
      const seqs = frames.map((frame) => frame.seq);
      expect(new Set(seqs).size, JSON.stringify(frames)).toBe(seqs.length);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
      expect(frames.filter((frame) => frame.type === 'message.created')).toHaveLength(1 + texts.length);
      expect(profile.errors).toEqual([]);
    } finally {
      await profile.close();
      await d.kill();
      await balancer.close();
    }
  }, 90_000);

  it('gives a job held by a worker killed with SIGKILL to another worker, which finishes it once', async () => {
    // Holding the messages table makes the worker's ingestion wait mid-job, inside its transaction.
    const holder = new pg.Client({ connectionString: cluster.store.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE messages IN EXCLUSIVE MODE');
      const waiting = async () => {
        const { rows } = await holder.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()`);
        return (rows[0]?.n ?? 0) > 0;
      };
      expect((await cluster.webhook(b.url, 'm_worker_kill')).status).toBe(200);
      await waitUntil(waiting, 10_000, 'the worker waiting mid-job');
      const held = async () => (await holder.query<{ id: string; retry_count: number }>(`SELECT id, retry_count FROM pgboss.job WHERE name = 'inbound.process' AND state = 'active'`)).rows;
      await waitUntil(async () => (await held()).length === 1, 10_000, 'the job active');
      const [job] = await held();
      await worker.kill();
      // The killed worker's session still waits on the lock (PostgreSQL notices the dead client
      // only when it next reads from it); its transaction can never commit.
      worker = await cluster.worker();
      // The job comes back once its lease lapses, and the new worker takes it (a new attempt).
      await waitUntil(async () => (await held()).some((row) => row.id === job!.id && row.retry_count > job!.retry_count), 40_000, 'the second worker on the job');
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    await waitUntil(async () => (await messageIds(['m_worker_kill'])).size === 1, 15_000, 'the message stored');
    const rows = await cluster.store.db.selectFrom('messages').select('id').where('external_id', '=', 'm_worker_kill').execute();
    expect(rows).toHaveLength(1);
    // Nothing left held or failed: the job completed on the second worker.
    await waitUntil(async () => {
      const { rows: held } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'inbound.process' AND state IN ('active', 'retry', 'failed')`.execute(cluster.store.db);
      return held[0]?.n === 0;
    }, 10_000, 'no inbound job left held');
  }, 60_000);
});
