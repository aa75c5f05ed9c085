// Posts signed Meta webhooks from its own thread: at full speed, or at a fixed rate. With
// `watch`, it also reads the database the API reads (its own connection) every few
// milliseconds, and times each acknowledged event until its message can be read.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { meta, signedMetaRequest } from '../src/channels/testing.ts';

export type Watch = { kind: 'sqlite'; file: string; workspaceId: string; channelId: string } | { kind: 'postgres'; url: string; workspaceId: string; channelId: string };
export interface Job { url: string; secret: string; pageId: string; mode: 'max' | 'rate'; durationMs: number; rate: number; concurrency: number; prefix: string; duplicateEvery: number; watch?: Watch }
export interface LoadOutcome {
  sent: number; unique: number; acked: number; errors: number; errorSamples: string[]; perSecond: number; p50: number; p99: number;
  /** With `watch`: ack → readable, and the acknowledged events never seen within the wait. */
  visibleP50?: number; visibleP99?: number; visibleMax?: number; unseen?: string[];
}

// In a thread (workerData) or in a process of its own (the job in BENCH_JOB, the answer over IPC).
const job = (workerData ?? JSON.parse(process.env.BENCH_JOB ?? 'null')) as Job;
const target = new URL(job.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
const latencies: number[] = [];
const errorSamples: string[] = [];
/** Acknowledged events not yet seen in the database, by external id, with their ack time. */
const pending = new Map<string, number>();
const visible: number[] = [];
let sent = 0;
let unique = 0;
let errors = 0;

const externalId = (n: number) => (n % 2 === 0 ? `m_${job.prefix}_${n}` : `${job.pageId}_1_${job.prefix}${n}`);
const acked = new Set<number>();

function body(n: number): { body: string; headers: Record<string, string> } {
  const at = Date.now();
  const entry = n % 2 === 0
    ? meta.message(job.pageId, { psid: `${job.prefix}${n % 500}`, mid: externalId(n), text: `Bonjour, où est ma commande n°${n} ? 📦`, at })
    : meta.comment(job.pageId, { commentId: externalId(n), postId: `${job.pageId}_1`, from: { id: `${job.prefix}c${n % 500}`, name: 'Client Test' }, message: `Commentaire n°${n} — très déçue`, at });
  return signedMetaRequest(meta.page(entry), job.secret);
}

function post(n: number): Promise<void> {
  const { body: payload, headers } = body(n);
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(payload) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      response.on('end', () => {
        if (response.statusCode === 200) {
          latencies.push(performance.now() - started);
          if (!acked.has(n)) {
            acked.add(n);
            if (job.watch) pending.set(externalId(n), Date.now());
          }
        } else {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${response.statusCode} ${text.slice(0, 200)}`);
        }
        resolve();
      });
    });
    request.on('error', (error) => {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(error.message);
      resolve();
    });
    request.end(payload);
  });
}

/** Reads which pending events have a message yet (oldest first, a bounded list per read). */
async function watcher(watch: Watch): Promise<{ check(): Promise<void>; close(): Promise<void> }> {
  const found = (ids: string[]) => {
    const now = Date.now();
    for (const id of ids) {
      const ackAt = pending.get(id);
      if (ackAt === undefined) continue;
      visible.push(now - ackAt);
      pending.delete(id);
    }
  };
  const batch = () => [...pending.keys()].slice(0, 500);
  if (watch.kind === 'sqlite') {
    const db = new SqliteDatabase(watch.file, { readonly: true });
    db.pragma('busy_timeout = 5000');
    return {
      async check() {
        const ids = batch();
        if (ids.length === 0) return;
        const rows = db.prepare(`SELECT external_id FROM messages WHERE workspace_id = ? AND channel_id = ? AND external_id IN (${ids.map(() => '?').join(',')})`)
          .all(watch.workspaceId, watch.channelId, ...ids) as { external_id: string }[];
        found(rows.map((row) => row.external_id));
      },
      async close() { db.close(); },
    };
  }
  const client = new pg.Client({ connectionString: watch.url });
  await client.connect();
  return {
    async check() {
      const ids = batch();
      if (ids.length === 0) return;
      const result = await client.query<{ external_id: string }>('SELECT external_id FROM messages WHERE workspace_id = $1 AND channel_id = $2 AND external_id = ANY($3)', [watch.workspaceId, watch.channelId, ids]);
      found(result.rows.map((row) => row.external_id));
    },
    async close() { await client.end(); },
  };
}

// Every `duplicateEvery`-th send repeats the previous event, as Meta's retries do.
const next = () => {
  const n = job.duplicateEvery > 0 && sent > 0 && sent % job.duplicateEvery === 0 ? unique - 1 : unique++;
  sent++;
  return n;
};

const watching = job.watch ? await watcher(job.watch) : undefined;
let sending = true;
const watchLoop = (async () => {
  if (!watching) return;
  const waitUntil = () => Date.now() + 20_000;
  let giveUpAt = Infinity;
  while (sending || (pending.size > 0 && Date.now() < giveUpAt)) {
    if (!sending && giveUpAt === Infinity) giveUpAt = waitUntil();
    await watching.check();
    await new Promise((r) => setTimeout(r, 10));
  }
})();

const began = performance.now();
const deadline = began + job.durationMs;
if (job.mode === 'max') {
  await Promise.all(Array.from({ length: job.concurrency }, async () => {
    while (performance.now() < deadline) await post(next());
  }));
} else {
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / job.rate;
  for (let i = 0; performance.now() < deadline; i++) {
    const due = began + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const p = post(next()).then(() => { inFlight.delete(p); });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
}
const elapsed = performance.now() - began;
sending = false;
await watchLoop;
await watching?.close();
agent.destroy();
const quantile = (values: number[], q: number) => {
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
};
const outcome: LoadOutcome = {
  sent, unique, acked: acked.size, errors, errorSamples, perSecond: Math.round((latencies.length / elapsed) * 1000), p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99),
  ...(job.watch ? { visibleP50: quantile(visible, 0.5), visibleP99: quantile(visible, 0.99), visibleMax: quantile(visible, 1), unseen: [...pending.keys()] } : {}),
};
if (parentPort) parentPort.postMessage(outcome);
else process.send!(outcome, () => process.disconnect());
