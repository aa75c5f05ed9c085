/**
 * `npm run bench`: figures, not pass/fail. Each HTTP row is compared in the same run with
 * plain node:http on this machine, so the overhead of the stack is visible.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiToken, hashPassword } from '../src/accounts/index.ts';
import { loadConfig, newId } from '../src/kernel/index.ts';
import { createRelais } from '../src/main.ts';
import { Worker } from 'node:worker_threads';
import { round, type LoadResult } from './load.ts';
import { benchPublishing } from './publishing-calendar.ts';
import { plainNodeServer } from './plain-server.ts';

const durationMs = Number(process.env.BENCH_DURATION_MS ?? 3000);

function load(label: string, url: string, options: { durationMs: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const entry = new URL('./load-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { label, url, options } });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: LoadResult) => { void worker.terminate(); resolve(result); });
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
  const relais = await createRelais(loadConfig({ RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
  const url = await relais.listen();
  const plain = await plainNodeServer();
  const now = Date.now();
  await relais.store.db.insertInto('workspaces').values({ id: 'ws_bench', name: 'Bench', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
  const { secret } = await createApiToken(relais.accounts, null, { workspaceId: 'ws_bench', name: 'bench', role: 'admin' });

  // Warm both servers (and the JIT) before anything is measured.
  await load('warm-up', `${plain.url}/healthz`, { durationMs: 1000 });
  await load('warm-up', `${url}/healthz`, { durationMs: 1000 });
  const httpRows: LoadResult[] = [];
  httpRows.push(await load('plain node:http, static JSON', `${plain.url}/healthz`, { durationMs }));
  httpRows.push(await load('Relais GET /healthz (full hook chain)', `${url}/healthz`, { durationMs }));
  httpRows.push(await load('Relais GET /api/v1/me (token auth + 2 SQLite reads)', `${url}/api/v1/me`, { durationMs, headers: { authorization: `Bearer ${secret}` } }));
  console.log(`\nHTTP, 32 connections, ${durationMs / 1000} s each (127.0.0.1; load from a worker thread)`);
  console.table(httpRows);

  const hashes = 10;
  const hashStart = performance.now();
  for (let i = 0; i < hashes; i++) await hashPassword(`password number ${i}`);
  const hashMs = round((performance.now() - hashStart) / hashes);

  const messages = Number(process.env.BENCH_MESSAGES ?? 50_000);
  await relais.store.db.insertInto('channels').values({ workspace_id: 'ws_bench', id: 'ch', kind: 'webchat', name: 'Site', external_id: null, settings: '{}', secrets: null, status: 'active', created_at: now, updated_at: now }).execute();
  await relais.store.db.insertInto('conversations').values({ workspace_id: 'ws_bench', id: 'cv', channel_id: 'ch', contact_id: null, kind: 'private', status: 'open', external_thread_id: null, subject: null, assignee_id: null, priority: 0, snoozed_until: null, last_message_at: now, created_at: now, updated_at: now }).execute();
  const words = ['colis', 'commande', 'remboursement', 'livraison', 'merci', 'retard', 'taille', 'couleur', 'promo', 'retour', 'reçu', 'toujours', 'pas', 'bonjour', 'vite'];
  const insertStart = performance.now();
  for (let batch = 0; batch < messages; batch += 1000) {
    await relais.store.db.insertInto('messages').values(Array.from({ length: 1000 }, (_, i) => ({
      workspace_id: 'ws_bench', id: newId(), conversation_id: 'cv', channel_id: 'ch', direction: 'in' as const, kind: 'message' as const, author_type: 'contact' as const,
      author_id: null, text: Array.from({ length: 12 }, (_, w) => words[(batch + i * 7 + w * 3) % words.length]).join(' '), external_id: null, attachments: '[]', meta: '{}', platform_created_at: null, created_at: now,
    }))).execute();
  }
  const insertPerSecond = Math.round(messages / ((performance.now() - insertStart) / 1000));
  const searches = 200;
  const searchStart = performance.now();
  for (let i = 0; i < searches; i++) await relais.store.searchMessages('ws_bench', `${words[i % words.length]} ${words[(i + 4) % words.length]}`, 50);
  const searchMs = round((performance.now() - searchStart) / searches);

  console.log('\nAccounts and store (SQLite, WAL)');
  console.table([
    { measure: 'argon2id hash (19 MiB, t=2), ms each', value: hashMs },
    { measure: `message inserts with FTS5 index, per second (${messages} rows, batches of 1000)`, value: insertPerSecond },
    { measure: `full-text search over ${messages} messages, ms per query (top 50)`, value: searchMs },
  ]);

  await benchPublishing(relais, url, plain.url, secret);

  await plain.close();
  await relais.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
