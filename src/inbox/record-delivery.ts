import { CompiledQuery } from 'kysely';
import { AppError, newId } from '../kernel/index.ts';
import { findChannelByAccount, type ChannelProvider, type InstallationSecrets, type RoutedChannel, type WebhookRequest } from '../channels/index.ts';
import type { Db } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';
import { processJob } from './process-delivery.ts';
import { enqueueJob } from '../jobs/index.ts';

const KEPT_HEADERS = /^(content-type|user-agent|x-hub-signature(-256)?|x-twitter-webhooks-signature|x-shopify-[\w-]+|x-wc-webhook-[\w-]+)$/i;
export const PROCESS_ATTEMPTS = 5;
const MAX_BATCH = 500;
/** SQLite: a burst is written in chunks of these sizes, so a handful of statements are ever prepared. */
const SQLITE_CHUNKS = [64, 16, 4, 1];
/** The columns the intake writes, in the order of each row's values (error and processed_at stay null). */
const COLUMNS = ['id', 'provider', 'dedupe_key', 'workspace_id', 'channel_id', 'headers', 'body', 'status', 'attempts', 'received_at'] as const;
type Row = [id: string, provider: string, dedupeKey: string, workspaceId: string | null, channelId: string | null, headers: string, body: string, status: 'received', attempts: 0, receivedAt: number];

interface Pending {
  provider: string;
  dedupeKey: string;
  accountId: string | undefined;
  headers: Record<string, unknown>;
  body: string;
  resolve(outcome: 'accepted' | 'duplicate'): void;
  reject(error: unknown): void;
}

export type DeliveryRecorder = (provider: ChannelProvider, secrets: InstallationSecrets, request: WebhookRequest) => Promise<'accepted' | 'duplicate'>;

/**
 * The only work done inside a webhook request: check the signature, then store the raw
 * delivery and its processing job durably before answering. Deliveries that arrive
 * together are written in one transaction (group commit): each request still waits for
 * the commit that holds it, so an acknowledged delivery survives a crash. A redelivery of
 * the same bytes is acknowledged and changes nothing. Processing happens in the job.
 *
 * The insert is compiled once per shape and run as a prepared statement: on PostgreSQL one
 * multi-row statement per burst, on SQLite a few fixed chunk sizes (ADR 0006).
 */
export function createDeliveryRecorder(deps: Pick<InboxDeps, 'db' | 'queue' | 'clock'>, options: { dialect: 'sqlite' | 'postgres'; announce?: ((waiting: number) => void) | undefined; announceRate?: ((perSecond: number) => void) | undefined }): DeliveryRecorder {
  // Tells the processing thread how many acknowledgements wait for the next write (ADR 0024),
  // and how many deliveries a second arrive (ADR 0027).
  const announce = options.announce ?? (() => {});
  const countArrival = options.announceRate ? arrivalRate(options.announceRate) : () => {};
  let queued: Pending[] = [];
  let writing = 0;
  let scheduled = false;
  const insert = insertStatements(deps.db);
  const chunkSizes = options.dialect === 'sqlite' ? (count: number) => sqliteChunks(count) : (count: number) => [count];
  // One batch written at a time: arrivals meanwhile wait in the next, which grows with the
  // wait. On SQLite a second would only queue behind the first (one writer). On PostgreSQL,
  // four in parallel made a transaction, a processing job and a commit of 1–2 deliveries at
  // 1,000/s; one at a time writes ~3 per job (2.5 times fewer jobs for the worker) and
  // acknowledged 3,600–4,090/s at full speed against 3,100–3,630/s (no worker running).
  const maxWriting = 1;

  const schedule = () => {
    if (scheduled || queued.length === 0 || writing >= maxWriting) return;
    scheduled = true;
    setImmediate(() => void flush());
  };
  const flush = async () => {
    scheduled = false;
    const batch = queued.length <= MAX_BATCH ? queued : queued.slice(0, MAX_BATCH);
    queued = batch === queued ? [] : queued.slice(MAX_BATCH);
    announce(batch.length + queued.length);
    writing++;
    try {
      const outcomes = await writeBatch(deps, batch, insert, chunkSizes);
      batch.forEach((item, index) => item.resolve(outcomes[index]!));
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      writing--;
      announce(queued.length);
      schedule();
    }
  };

  return async (provider, secrets, request) => {
    if (!provider.verify(request, secrets)) throw new AppError('webhook.bad_signature', 'The signature does not match this body');
    const body = request.rawBody.toString('utf8');
    let accountIds: string[];
    try {
      accountIds = provider.accountIds(body);
    } catch {
      throw new AppError('request.malformed_json', 'The body is not a delivery this endpoint understands');
    }
    const headers: Record<string, unknown> = {};
    for (const name in request.headers) if (KEPT_HEADERS.test(name)) headers[name] = request.headers[name];
    countArrival();
    return new Promise((resolve, reject) => {
      queued.push({ provider: provider.provider, dedupeKey: provider.dedupeKey(request), accountId: accountIds[0], headers, body, resolve, reject });
      announce(queued.length);
      schedule();
    });
  };
}

const RATE_WINDOW_MS = 250;

/**
 * Counts arrivals and announces their rate a second, over windows of `RATE_WINDOW_MS`: the
 * window after the last arrival announces 0 and the timer stops until the next.
 */
function arrivalRate(announceRate: (perSecond: number) => void): () => void {
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  let since = 0;
  const tick = () => {
    const now = performance.now();
    announceRate((count * 1000) / Math.max(1, now - since));
    since = now;
    if (count === 0) {
      clearInterval(timer);
      timer = undefined;
    }
    count = 0;
  };
  return () => {
    count++;
    if (timer) return;
    since = performance.now();
    timer = setInterval(tick, RATE_WINDOW_MS);
    timer.unref();
  };
}

/** `INSERT … ON CONFLICT (provider, dedupe_key) DO NOTHING RETURNING id` for `count` rows, compiled by Kysely once per count. */
function insertStatements(db: Db): (count: number) => string {
  const compiled = new Map<number, string>();
  return (count) => {
    let text = compiled.get(count);
    if (text === undefined) {
      const template = { id: '', provider: '', dedupe_key: '', workspace_id: '', channel_id: '', headers: '', body: '', status: 'received' as const, attempts: 0, received_at: 0 };
      const query = db.insertInto('inbound_events').values(Array.from({ length: count }, () => template))
        .onConflict((conflict) => conflict.columns(['provider', 'dedupe_key']).doNothing()).returning('id').compile();
      // The rows' values are bound in column order, row after row: writeBatch relies on it.
      if (query.parameters.length !== count * COLUMNS.length) throw new Error('inbound_events insert: unexpected parameter layout');
      text = query.sql;
      compiled.set(count, text);
    }
    return text;
  };
}

function sqliteChunks(count: number): number[] {
  const sizes: number[] = [];
  for (const size of SQLITE_CHUNKS) while (count >= size) {
    sizes.push(size);
    count -= size;
  }
  return sizes;
}

async function writeBatch(deps: Pick<InboxDeps, 'db' | 'queue' | 'clock'>, batch: Pending[], insert: (count: number) => string, chunkSizes: (count: number) => number[]): Promise<('accepted' | 'duplicate')[]> {
  if (batch.length === 0) return [];
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const routes = new Map<string, RoutedChannel | undefined>();
    const rows: Row[] = [];
    for (const item of batch) {
      const routeKey = `${item.provider}:${item.accountId}`;
      if (item.accountId && !routes.has(routeKey)) routes.set(routeKey, await findChannelByAccount(trx, item.provider, item.accountId));
      const route = routes.get(routeKey);
      rows.push([newId(now), item.provider, item.dedupeKey, route?.workspaceId ?? null, route?.channelId ?? null, JSON.stringify(item.headers), item.body, 'received', 0, now]);
    }
    // A redelivery (same provider and key) is skipped, not an error: only new rows come back.
    // Rows go in key order, so batches committing in parallel (several serve processes on
    // PostgreSQL) that hold the same key wait for each other in one order and never deadlock.
    const ordered = [...rows].sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    const accepted = new Set<string>();
    let offset = 0;
    for (const size of chunkSizes(ordered.length)) {
      const result = await trx.executeQuery<{ id: string }>(CompiledQuery.raw(insert(size), ordered.slice(offset, offset + size).flat()));
      for (const row of result.rows) accepted.add(row.id);
      offset += size;
    }
    // The job gets them in arrival order (not the key order of the insert): an edit processed before its message would be lost.
    if (accepted.size > 0) await enqueueJob(deps.queue, processJob, { eventIds: rows.filter((row) => accepted.has(row[0])).map((row) => row[0]) }, { db: trx, maxAttempts: PROCESS_ATTEMPTS, backoffMs: 2000 });
    return rows.map((row) => (accepted.has(row[0]) ? 'accepted' : 'duplicate'));
  });
}
