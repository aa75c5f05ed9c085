/**
 * `npm run bench:ingest`: signed Meta webhooks into Relais on SQLite, next to plain
 * node:http answering 200 to the same requests in the same run. Reports accepted events/s,
 * ack latency, processing lag (ack → message stored), RSS, and a final count: nothing may
 * be lost or duplicated.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { addChannel } from '../src/channels/index.ts';
import { createSealer, loadConfig, systemClock } from '../src/kernel/index.ts';
import { createRelais } from '../src/main.ts';
import { round } from './load.ts';

const SECRET = 'bench-meta-secret';
const PAGE = '1000000000000001';
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 5000);

interface LoadOutcome { sent: number; unique: number; errors: number; perSecond: number; p50: number; p99: number }

function run(url: string, mode: 'max' | 'rate', prefix: string, rate = 1000): Promise<LoadOutcome> {
  const entry = new URL('./ingest-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { url, secret: SECRET, pageId: PAGE, mode, durationMs, rate, concurrency: 32, prefix, duplicateEvery: 10 } });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: LoadOutcome) => { void worker.terminate(); resolve(result); });
    worker.once('error', reject);
  });
}

async function plainServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => { response.writeHead(200, { 'content-type': 'application/json' }); response.end('{"status":"accepted"}'); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks/meta`, close: () => new Promise((r) => server.close(() => r())) };
}

const dataDir = mkdtempSync(join(tmpdir(), 'relais-ingest-'));
const config = loadConfig({ RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RELAIS_META_APP_SECRET: SECRET });
const relais = await createRelais(config, { role: process.env.BENCH_ROLE === 'serve' ? 'serve' : 'all' });
const base = await relais.listen();
const now = Date.now();
await relais.store.db.insertInto('workspaces').values({ id: 'ws_bench', name: 'Bench', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
await addChannel({ db: relais.store.db, clock: systemClock, sealer: createSealer(config.secretKey) }, { workspaceId: 'ws_bench', kind: 'meta', name: 'Bench page', externalId: PAGE, accountIds: [PAGE], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'x' } });
const plain = await plainServer();

async function drain(): Promise<void> {
  if (process.env.BENCH_ROLE === 'serve') return;
  for (;;) {
    const pending = await relais.store.db.selectFrom('inbound_events').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'received').executeTakeFirstOrThrow();
    if (Number(pending.n) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function lagP99(sinceMs: number): Promise<number> {
  const rows = await relais.store.db.selectFrom('inbound_events').select(['received_at', 'processed_at']).where('received_at', '>=', sinceMs).execute();
  const lags = rows.map((r) => (r.processed_at ?? r.received_at) - r.received_at).sort((a, b) => a - b);
  return lags[Math.min(lags.length - 1, Math.floor(0.99 * lags.length))] ?? 0;
}

const rows: Record<string, unknown>[] = [];
await run(plain.url, 'max', 'warm');
await run(`${base}/hooks/meta`, 'max', 'warm');
await drain();

const plainMax = await run(plain.url, 'max', 'p');
rows.push({ target: 'plain node:http, full speed', 'accepted/s': plainMax.perSecond, 'ack p50 ms': round(plainMax.p50), 'ack p99 ms': round(plainMax.p99), 'lag p99 ms': '-', errors: plainMax.errors });

let since = Date.now();
const relaisMax = await run(`${base}/hooks/meta`, 'max', 'a');
await drain();
rows.push({ target: 'Relais /hooks/meta, full speed', 'accepted/s': relaisMax.perSecond, 'ack p50 ms': round(relaisMax.p50), 'ack p99 ms': round(relaisMax.p99), 'lag p99 ms': await lagP99(since), errors: relaisMax.errors });

since = Date.now();
const relaisRate = await run(`${base}/hooks/meta`, 'rate', 'b', 1000);
const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
await drain();
rows.push({ target: 'Relais /hooks/meta, 1,000 events/s', 'accepted/s': relaisRate.perSecond, 'ack p50 ms': round(relaisRate.p50), 'ack p99 ms': round(relaisRate.p99), 'lag p99 ms': await lagP99(since), errors: relaisRate.errors });

const messages = await relais.store.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', 'ws_bench').executeTakeFirstOrThrow();
const expected = relaisMax.unique + relaisRate.unique;
const warm = await relais.store.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('text', 'like', '%').where('external_id', 'like', '%warm%').executeTakeFirstOrThrow();

console.log(`\nMeta webhooks on 127.0.0.1, 32 connections, ${durationMs / 1000} s per row, 1 in 10 sends repeats an event (SQLite, WAL)`);
console.table(rows);
console.log(`Relais as % of plain node:http at full speed: ${Math.round((relaisMax.perSecond / plainMax.perSecond) * 100)} %`);
console.log(`RSS of the Relais process during the fixed-rate run: ${rss} MiB`);
console.log(`Messages stored: ${Number(messages.n) - Number(warm.n)} for ${expected} distinct events sent (${relaisMax.sent + relaisRate.sent} requests): ${Number(messages.n) - Number(warm.n) === expected ? 'none lost, none duplicated' : 'MISMATCH'}`);

await plain.close();
await relais.close();
rmSync(dataDir, { recursive: true, force: true });
