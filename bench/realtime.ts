/**
 * `npm run bench:realtime`: 50 agent WebSockets (10 signed-in agents, 5 tabs each) on
 * `/api/v1/realtime` while signed Meta webhooks arrive at 200 events/s for 10 s. Latency
 * is webhook sent → `message.created` received on a socket, so it includes the whole
 * pipeline (signature, storage, job, ingestion, bus, fan-out). Every socket must get every
 * event. Compared in the same run with a plain `ws` server broadcasting the same events.
 * Sockets and webhook load each run in a worker thread; everything stays on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { hashPassword } from '../src/accounts/index.ts';
import { addChannel } from '../src/channels/index.ts';
import { loadConfig, newId } from '../src/kernel/index.ts';
import { createRelais } from '../src/main.ts';
import { round } from './load.ts';
import { startPlainBroadcast } from './plain-broadcast.ts';
import { createStatementProfiler, type StatementTiming } from './sql-profile.ts';
import { eventNumberOf, type SenderResult, type SocketsMessage } from './realtime-events.ts';
import { nextMessage, spawnWorker } from './spawn-worker.ts';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const AGENTS = 10;
const TABS = 5;
const SECRET = 'bench-realtime-secret';
const PAGE = '1000000000000001';
const PASSWORD = 'bench-password-2026';
const GOAL_P99_MS = 100;
// Bounded: a stuck run ends the process instead of hanging a CI job.
setTimeout(() => { console.error('bench:realtime did not finish in 5 minutes'); process.exit(1); }, 5 * 60_000).unref();

const rssMiB = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Target {
  label: string;
  url: string;
  cookies: string[];
  /** Resolves once everything posted so far has been processed. */
  drained(): Promise<void>;
  /** Maps the `messageId` of received events to the webhook's platform id. */
  externalIds(): Promise<Map<string, string>>;
}

async function measure(target: Target): Promise<Record<string, unknown>> {
  const sockets = spawnWorker('./realtime-sockets.ts', { url: `${target.url.replace('http', 'ws')}/api/v1/realtime`, origin: target.url, cookies: target.cookies });
  await nextMessage<SocketsMessage>(sockets);
  const send = async (prefix: string, durationMs: number) => {
    const sender = spawnWorker('./realtime-sender.ts', { url: `${target.url}/hooks/meta`, secret: SECRET, pageId: PAGE, rate: RATE, durationMs, prefix });
    const result = await nextMessage<SenderResult>(sender);
    await sender.terminate();
    await target.drained();
    await sleep(500); // the last events' fan-out
    sockets.postMessage('collect');
    return { result, collected: await nextMessage<Extract<SocketsMessage, { type: 'collected' }>>(sockets) };
  };
  await send('warm', 1000); // not counted: its ids do not match the run's prefix
  const idle = rssMiB();
  let peak = idle;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMiB()); }, 200);
  // Where a slow delivery comes from: the server thread's stalls, and its slow SQL.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const prefix = 'run';
  let run!: Awaited<ReturnType<typeof send>>;
  const statements = await profiler.record(async () => { run = await send(prefix, DURATION_MS); });
  const { result, collected } = run;
  loop.disable();
  clearInterval(sampler);
  slowStatements.set(target.label, statements.filter((s) => s.ms >= 20));
  sockets.postMessage('close');
  await sleep(100);
  await sockets.terminate();

  const toExternal = await target.externalIds();
  const expected = result.sentAt.flatMap((at, n) => (at === undefined ? [] : [n]));
  const latencies: number[] = [];
  let lost = 0;
  let duplicates = 0;
  for (const socket of collected.received) {
    const seen = new Set<number>();
    for (const [messageId, at] of socket) {
      const n = eventNumberOf(prefix, toExternal.get(messageId) ?? messageId);
      if (n === undefined) continue;
      if (seen.has(n)) duplicates++;
      else {
        seen.add(n);
        latencies.push(at - result.sentAt[n]!);
      }
    }
    lost += expected.filter((n) => !seen.has(n)).length;
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return {
    server: target.label, sockets: collected.received.length, 'events sent': expected.length, 'webhook errors': result.errors, deliveries: latencies.length, lost, duplicates,
    'p50 ms': at(0.5), 'p99 ms': at(0.99), 'max ms': round(latencies[latencies.length - 1] ?? NaN), 'ack p99 ms': round(result.ackP99), 'loop stall max ms': round(loop.max / 1e6), 'RSS idle→peak MiB': `${idle}→${peak}`,
  };
}

async function signIn(url: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0]!;
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
  };
  keep(await fetch(`${url}/api/v1/session`));
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: cookie(), 'x-csrf-token': jar.get('relais_csrf') ?? '' }, body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: HTTP ${response.status} ${await response.text()}`);
  keep(response);
  return cookie();
}

const profiler = createStatementProfiler();
const slowStatements = new Map<string, StatementTiming[]>();
const rows: Record<string, unknown>[] = [];
const plain = await startPlainBroadcast();
rows.push(await measure({ label: 'plain ws broadcast', url: plain.url, cookies: Array.from({ length: AGENTS * TABS }, () => ''), drained: async () => {}, externalIds: async () => new Map() }));
await plain.close();

const dataDir = mkdtempSync(join(tmpdir(), 'relais-realtime-'));
const relais = await createRelais(loadConfig({ RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RELAIS_META_APP_SECRET: SECRET }));
const url = await relais.listen();
const { db } = relais.store;
const now = Date.now();
await db.insertInto('workspaces').values({ id: 'ws_bench', name: 'Bench', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
// The Page's API base points nowhere: profile look-ups fail at once instead of waiting.
await addChannel({ db, clock: relais.inbox.clock, sealer: relais.inbox.sealer }, { workspaceId: 'ws_bench', kind: 'meta', name: 'Bench page', externalId: PAGE, accountIds: [PAGE], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'x' } });
const hash = await hashPassword(PASSWORD);
const cookies: string[] = [];
for (let i = 0; i < AGENTS; i++) {
  const id = newId();
  const email = `agent${i}@bench.test`;
  await db.insertInto('users').values({ id, email, name: `Agent ${i}`, password_hash: hash, locale: 'fr', created_at: now, password_changed_at: now }).execute();
  await db.insertInto('memberships').values({ workspace_id: 'ws_bench', user_id: id, role: i === 0 ? 'owner' : 'agent', created_at: now }).execute();
  const cookie = await signIn(url, email);
  for (let tab = 0; tab < TABS; tab++) cookies.push(cookie);
}
rows.push(await measure({
  label: 'Relais (SQLite, memory bus)', url, cookies,
  async drained() {
    for (let waited = 0; waited < 30_000; waited += 50) {
      const pending = await db.selectFrom('inbound_events').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'received').executeTakeFirstOrThrow();
      if (Number(pending.n) === 0) return;
      await sleep(50);
    }
  },
  async externalIds() {
    const messages = await db.selectFrom('messages').select(['id', 'external_id']).where('workspace_id', '=', 'ws_bench').execute();
    return new Map(messages.map((m) => [m.id, m.external_id ?? '']));
  },
}));
await relais.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(`\nRealtime: ${AGENTS * TABS} sockets (${AGENTS} agents × ${TABS} tabs), ${RATE} webhook events/s for ${DURATION_MS / 1000} s, latency = webhook sent → message.created on a socket`);
console.log(`127.0.0.1, ${cpus().length} CPUs; sockets and webhooks from two worker threads of this process (RSS includes them)`);
console.table(rows);
for (const [label, slow] of slowStatements) {
  if (slow.length === 0) continue;
  console.log(`${label}: ${slow.length} SQL statements took 20 ms or more during the run; the slowest:`);
  for (const statement of slow.sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${round(statement.ms)} ms  ${statement.sql.replace(/\s+/g, ' ').slice(0, 140)}`);
}
profiler.restore();
const p99 = Number(rows[1]?.['p99 ms']);
console.log(`Goal p99 < ${GOAL_P99_MS} ms on SQLite: ${p99 < GOAL_P99_MS ? 'met' : 'MISSED'} (${p99} ms); lost ${rows[1]?.lost}, duplicates ${rows[1]?.duplicates}`);
