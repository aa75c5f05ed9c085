// Posts signed Meta webhooks from its own thread: at full speed, or at a fixed rate. With
// `watch`, it also reads the database the API reads (its own connection) every few
// milliseconds, and times each acknowledged event until its message can be read.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { meta, signedMetaRequest } from '../src/channels/testing.ts';

/** Where to watch for the acknowledged events' messages, and for how long after the last send (20 s unless told). */
export type Watch = ({ kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }) & { workspaceId: string; channelId: string; forMs?: number };
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
/** Events whose message the watcher read before their acknowledgement came back, and the ones it has timed. */
const readEarly = new Set<string>();
const seenIds = new Set<string>();

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
            // Readable before its acknowledgement reached us: no wait to count.
            if (job.watch && !readEarly.delete(externalId(n))) pending.set(externalId(n), Date.now());
            else if (job.watch) visible.push(0);
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
/**
 * Messages committed out of the order of their `seq` (PostgreSQL hands sequence values out at
 * insert; the worker's 4 lanes commit side by side, 16 deliveries a transaction at most): each
 * look reads again this many below the highest seen. And once a second, the oldest unseen events are looked up by id, for any
 * straggler further behind.
 */
const OVERLAP = 256;
const STRAGGLERS = 500;
const STRAGGLERS_EVERY_MS = 1000;

/**
 * Reads the messages as the API would, from its own connection: each look reads the messages
 * written since the last (by `seq`), so its cost follows the rate of writes, not how far
 * behind processing is (asking for the 500 oldest unseen ids every 10 ms took a third of a core
 * of PostgreSQL when processing was 30 s behind, on the two cores the run shares).
 */
async function watcher(watch: Watch): Promise<{ check(): Promise<void>; close(): Promise<void> }> {
  const found = (ids: string[]) => {
    const now = Date.now();
    for (const id of ids) {
      const ackAt = pending.get(id);
      if (ackAt === undefined) {
        // Read before its acknowledgement came back (processing beat the response to us).
        if (!seenIds.has(id)) readEarly.add(id);
        continue;
      }
      seenIds.add(id);
      visible.push(now - ackAt);
      pending.delete(id);
    }
  };
  const oldest = () => {
    const ids: string[] = [];
    for (const id of pending.keys()) {
      ids.push(id);
      if (ids.length === STRAGGLERS) break;
    }
    return ids;
  };
  let high = 0;
  let stragglersAt = 0;
  const look = async (since: (low: number) => Promise<{ seq: number | string; external_id: string | null }[]>, byId: (ids: string[]) => Promise<string[]>) => {
    const rows = await since(Math.max(0, high - OVERLAP));
    for (const row of rows) high = Math.max(high, Number(row.seq));
    found(rows.map((row) => row.external_id ?? ''));
    if (pending.size > 0 && Date.now() >= stragglersAt) {
      stragglersAt = Date.now() + STRAGGLERS_EVERY_MS;
      found(await byId(oldest()));
    }
  };
  if (watch.kind === 'sqlite') {
    const db = new SqliteDatabase(watch.file, { readonly: true });
    db.pragma('busy_timeout = 5000');
    high = (db.prepare('SELECT max(seq) AS seq FROM messages').get() as { seq: number | null }).seq ?? 0;
    const since = db.prepare('SELECT seq, external_id FROM messages WHERE seq > ? ORDER BY seq LIMIT 20000');
    return {
      check: () => look(async (low) => since.all(low) as { seq: number; external_id: string | null }[], async (ids) =>
        (db.prepare(`SELECT external_id FROM messages WHERE workspace_id = ? AND channel_id = ? AND external_id IN (${ids.map(() => '?').join(',')})`)
          .all(watch.workspaceId, watch.channelId, ...ids) as { external_id: string }[]).map((row) => row.external_id)),
      async close() { db.close(); },
    };
  }
  const client = new pg.Client({ connectionString: watch.url });
  await client.connect();
  high = Number((await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM messages')).rows[0]?.seq ?? 0);
  return {
    check: () => look(
      async (low) => (await client.query<{ seq: string; external_id: string | null }>('SELECT seq, external_id FROM messages WHERE seq > $1 ORDER BY seq LIMIT 20000', [low])).rows,
      async (ids) => (await client.query<{ external_id: string }>('SELECT external_id FROM messages WHERE workspace_id = $1 AND channel_id = $2 AND external_id = ANY($3)', [watch.workspaceId, watch.channelId, ids])).rows.map((row) => row.external_id),
    ),
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
  const waitUntil = () => Date.now() + (job.watch?.forMs ?? 20_000);
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
  // An event still unseen when the watch ends counts with its wait so far (a floor): left out,
  // it would make a run that falls behind look better than one that keeps up.
  ...(job.watch ? (() => {
    const stoppedAt = Date.now();
    const waits = [...visible, ...[...pending.values()].map((ackAt) => stoppedAt - ackAt)];
    return { visibleP50: quantile(waits, 0.5), visibleP99: quantile(waits, 0.99), visibleMax: quantile(waits, 1), unseen: [...pending.keys()] };
  })() : {}),
};
if (parentPort) parentPort.postMessage(outcome);
else process.send!(outcome, () => process.disconnect());
