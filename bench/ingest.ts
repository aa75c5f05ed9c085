/**
 * `npm run bench:ingest`: signed Meta webhooks into Relais, next to plain node:http answering
 * 200 to the same requests in the same run. For the embedded default (`relais start`: HTTP on
 * the main thread, jobs on the processing thread, SQLite) and for PostgreSQL (`relais serve`
 * here + a `relais worker` process, Redis between them): accepted events/s at full speed, then
 * an offered rate (1,000 events/s for 60 s by default) with ack latency, ack → message
 * readable, events lost or duplicated, RSS and the longest event-loop stall of the HTTP thread.
 *
 * BENCH_DURATION_MS (full-speed rows, 5 s), BENCH_RATE_DURATION_MS (60 s), BENCH_RATE (1000),
 * BENCH_TARGETS (sqlite,postgres), BENCH_DRAIN_MS (180 s: how long to wait for processing to
 * catch up after a phase; what is left is reported as backlog, and an acknowledged event still
 * waiting there as a stored delivery is not counted lost).
 */
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { addChannel } from '../src/channels/index.ts';
import { createSealer, loadConfig, systemClock } from '../src/kernel/index.ts';
import { createRelais, type Relais } from '../src/main.ts';
import { createTestStore, postgresUnavailable } from '../src/store/testing.ts';
import { round } from './load.ts';
import { nextMessage, spawnProcess } from './spawn-worker.ts';
import type { Job, LoadOutcome, Watch } from './ingest-worker.ts';

const SECRET = 'bench-meta-secret';
const PAGE = '1000000000000001';
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 5000);
const rateDurationMs = Number(process.env.BENCH_RATE_DURATION_MS ?? 60_000);
const rate = Number(process.env.BENCH_RATE ?? 1000);
const targets = (process.env.BENCH_TARGETS ?? 'sqlite,postgres').split(',');
const drainMs = Number(process.env.BENCH_DRAIN_MS ?? 180_000);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const bin = fileURLToPath(new URL('../bin/relais.js', import.meta.url));

function load(url: string, mode: 'max' | 'rate', prefix: string, options: { durationMs?: number; watch?: Watch } = {}): Promise<LoadOutcome> {
  const job: Job = { url, secret: SECRET, pageId: PAGE, mode, durationMs: options.durationMs ?? durationMs, rate, concurrency: 32, prefix, duplicateEvery: 10, ...(options.watch ? { watch: options.watch } : {}) };
  // In a process of its own: the RSS measured below is then the Relais process's alone.
  return nextMessage<LoadOutcome>(spawnProcess('./ingest-worker.ts', job));
}

async function plainServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => { response.writeHead(200, { 'content-type': 'application/json' }); response.end('{"status":"accepted"}'); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks/meta`, close: () => new Promise((r) => server.close(() => r())) };
}

interface Target { label: string; relais: Relais; base: string; workerPid?: number; watch: { kind: 'sqlite'; file: string; workspaceId: string } | { kind: 'postgres'; url: string; workspaceId: string }; close(): Promise<void> }

async function embedded(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-ingest-'));
  const config = loadConfig({ RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RELAIS_META_APP_SECRET: SECRET });
  const relais = await createRelais(config, { role: 'all', processing: 'thread' });
  await seedWorkspace(relais);
  const base = await relais.listen();
  return {
    label: 'SQLite, relais start', relais, base, watch: { kind: 'sqlite', file: join(dataDir, 'relais.sqlite'), workspaceId: 'ws_bench' },
    async close() {
      await relais.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function scaled(): Promise<Target> {
  const store = await createTestStore('postgres');
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-ingest-'));
  const env = {
    RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RELAIS_META_APP_SECRET: SECRET, DATABASE_URL: store.url!,
    REDIS_URL: redisUrl, RELAIS_REDIS_PREFIX: `bench-${randomBytes(4).toString('hex')}:`, RELAIS_SECRET_KEY: randomBytes(32).toString('hex'),
  };
  const relais = await createRelais(loadConfig(env), { role: 'serve' });
  await seedWorkspace(relais);
  const base = await relais.listen();
  const worker = await startWorker({ ...process.env, ...env, LOG_LEVEL: 'info' } as Record<string, string>);
  return {
    label: 'PostgreSQL, relais serve + worker', relais, base, workerPid: worker.pid!, watch: { kind: 'postgres', url: store.url!, workspaceId: 'ws_bench' },
    async close() {
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
      await relais.close();
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'worker'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Relais is running')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`relais worker exited with ${code}: ${output}`)));
  });
}

let channelId = '';
async function seedWorkspace(relais: Relais): Promise<void> {
  await relais.store.db.insertInto('workspaces').values({ id: 'ws_bench', name: 'Bench', locale: 'fr', timezone: 'Europe/Paris', created_at: Date.now() }).execute();
  channelId = await addChannel({ db: relais.store.db, clock: systemClock, sealer: createSealer(relais.config.secretKey) }, { workspaceId: 'ws_bench', kind: 'meta', name: 'Bench page', externalId: PAGE, accountIds: [PAGE], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'x' } });
}

/** A process's resident memory in bytes, from /proc (0 where there is none). */
function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Waits until every stored delivery has been processed, or `drainMs` has passed; the deliveries still waiting. */
async function drain(relais: Relais, withinMs = drainMs): Promise<number> {
  const giveUpAt = Date.now() + withinMs;
  for (;;) {
    const pending = await relais.store.db.selectFrom('inbound_events').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'received').executeTakeFirstOrThrow();
    if (Number(pending.n) === 0 || Date.now() >= giveUpAt) return Number(pending.n);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The event ids (message mids, comment ids) inside the deliveries stored but not processed yet. */
async function waitingIds(relais: Relais): Promise<Set<string>> {
  const ids = new Set<string>();
  const rows = await relais.store.db.selectFrom('inbound_events').select('body').where('status', '=', 'received').execute();
  for (const row of rows) for (const match of row.body.matchAll(/"(?:mid|comment_id)":"([^"]+)"/g)) ids.add(match[1]!);
  return ids;
}

/** Messages stored for the run's events, and how many of them share an id with another. */
async function stored(relais: Relais, prefix: string): Promise<{ rows: number; duplicated: number }> {
  const rows = await relais.store.db.selectFrom('messages').select(['external_id']).where('workspace_id', '=', 'ws_bench')
    .where((eb) => eb.or([eb('external_id', 'like', `m_${prefix}_%`), eb('external_id', 'like', `${PAGE}_1_${prefix}%`)])).execute();
  return { rows: rows.length, duplicated: rows.length - new Set(rows.map((row) => row.external_id)).size };
}

const rows: Record<string, unknown>[] = [];
const checks: string[] = [];
const plain = await plainServer();
await load(plain.url, 'max', 'warm', { durationMs: 2000 });
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

for (const kind of targets) {
  if (kind === 'postgres') {
    const missing = await postgresUnavailable();
    if (missing) {
      console.log(`PostgreSQL rows skipped: ${missing}`);
      continue;
    }
  }
  const target = kind === 'postgres' ? await scaled() : await embedded();
  // Watched until processing has caught up (or the drain's time is out), so a late event counts with its real wait.
  const watch = { ...target.watch, channelId, forMs: drainMs } as Watch;
  const hook = `${target.base}/hooks/meta`;
  await load(hook, 'max', `warm${kind}`, { durationMs: 2000 });
  await drain(target.relais, Math.min(drainMs, 60_000));

  // Plain node:http again right before, so the pair shares the machine's state of the moment.
  const plainMax = await load(plain.url, 'max', 'p');
  rows.push({ target: 'plain node:http, full speed', 'accepted/s': plainMax.perSecond, 'ack p50 ms': round(plainMax.p50), 'ack p99 ms': round(plainMax.p99) });
  const fast = await load(hook, 'max', `a${kind}`);
  rows.push({ target: `${target.label}: full speed`, 'accepted/s': fast.perSecond, 'ack p50 ms': round(fast.p50), 'ack p99 ms': round(fast.p99), errors: fast.errors });
  checks.push(`${target.label}: full speed is ${Math.round((fast.perSecond / plainMax.perSecond) * 100)} % of plain node:http (goal ≥ 50 %)`);
  await drain(target.relais, Math.min(drainMs, 60_000));

  const loop = monitorEventLoopDelay({ resolution: 10 });
  let rssMax = 0;
  let workerRssMax = 0;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage.rss());
    if (target.workerPid) workerRssMax = Math.max(workerRssMax, rssOf(target.workerPid));
  }, 200);
  loop.enable();
  const paced = await load(hook, 'rate', `b${kind}`, { durationMs: rateDurationMs, watch });
  loop.disable();
  clearInterval(sampler);
  const backlog = await drain(target.relais);
  // Not processed within the drain but stored: acknowledged and kept, only late. Read before
  // the messages, as processing goes on: an event is then in one or the other.
  const waiting = backlog > 0 ? await waitingIds(target.relais) : new Set<string>();
  const { rows: messages, duplicated } = await stored(target.relais, `b${kind}`);
  // Acknowledged but not seen by the watcher in time: looked for again now that all is processed.
  const unseen = paced.unseen ?? [];
  const found = new Set<string>();
  for (let i = 0; i < unseen.length; i += 500) {
    const late = await target.relais.store.db.selectFrom('messages').select('external_id').where('workspace_id', '=', 'ws_bench').where('external_id', 'in', unseen.slice(i, i + 500)).execute();
    for (const row of late) found.add(row.external_id!);
  }
  const stillWaiting = unseen.filter((id) => !found.has(id) && waiting.has(id)).length;
  const lost = unseen.length - found.size - stillWaiting;
  rows.push({
    target: `${target.label}: ${rate.toLocaleString('en')} events/s, ${rateDurationMs / 1000} s`, 'accepted/s': paced.perSecond, 'ack p50 ms': round(paced.p50), 'ack p99 ms': round(paced.p99), errors: paced.errors,
    'ack→readable p99 ms': paced.visibleP99, lost, duplicated, ...(backlog > 0 ? { 'unprocessed after drain': backlog } : {}), 'RSS max MiB': mib(rssMax), ...(target.workerPid ? { 'worker RSS max MiB': mib(workerRssMax) } : {}), 'stall max ms': round(loop.max / 1e6),
  });
  checks.push(`${target.label}: ${paced.acked} events acknowledged, ${messages} messages stored, ${lost} lost, ${duplicated} duplicated; ack→readable p50 ${paced.visibleP50} ms, max ${paced.visibleMax} ms`
    + (backlog > 0 ? `; ${backlog} deliveries still unprocessed after ${drainMs / 1000} s of drain (${stillWaiting} acknowledged events among them, stored, not lost)` : ''));
  for (const sample of [...fast.errorSamples, ...paced.errorSamples]) checks.push(`  error: ${sample}`);
  await target.close();
}

console.log(`\nMeta webhooks on 127.0.0.1, 32 connections, full speed for ${durationMs / 1000} s, then ${rate}/s for ${rateDurationMs / 1000} s; 1 in 10 sends repeats an event`);
console.table(rows);
for (const line of checks) console.log(line);
console.log('Goals at the offered rate: ack p99 < 50 ms, ack→readable p99 < 1 s, none lost or duplicated, RSS < 500 MiB, stall max < 50 ms (the HTTP thread; RSS of the process serving HTTP — with its processing thread for relais start — and of relais worker; the load runs in a process of its own). Ack→readable is watched until processing has caught up or the drain time is out; an event still unseen then counts with its wait so far');
await plain.close();
