import { AppError, newId } from '../kernel/index.ts';
import { findChannelByAccount, type ChannelProvider, type InstallationSecrets, type RoutedChannel, type WebhookRequest } from '../channels/index.ts';
import type { InboxDeps } from './deps.ts';
import { processJob } from './process-delivery.ts';
import { enqueueJob } from '../jobs/index.ts';

const KEPT_HEADERS = /^(content-type|user-agent|x-hub-signature(-256)?|x-twitter-webhooks-signature|x-shopify-[\w-]+|x-wc-webhook-[\w-]+)$/i;
export const PROCESS_ATTEMPTS = 5;
const MAX_BATCH = 500;

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
 */
export function createDeliveryRecorder(deps: Pick<InboxDeps, 'db' | 'queue' | 'clock'>): DeliveryRecorder {
  let queued: Pending[] = [];
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    const batch = queued;
    queued = [];
    try {
      const outcomes = await writeBatch(deps, batch);
      batch.forEach((item, index) => item.resolve(outcomes[index]!));
    } catch (error) {
      for (const item of batch) item.reject(error);
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
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => KEPT_HEADERS.test(name)));
    return new Promise((resolve, reject) => {
      queued.push({ provider: provider.provider, dedupeKey: provider.dedupeKey(request), accountId: accountIds[0], headers, body, resolve, reject });
      if (queued.length >= MAX_BATCH) void flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
  };
}

async function writeBatch(deps: Pick<InboxDeps, 'db' | 'queue' | 'clock'>, batch: Pending[]): Promise<('accepted' | 'duplicate')[]> {
  if (batch.length === 0) return [];
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const routes = new Map<string, RoutedChannel | undefined>();
    const rows = [];
    for (const item of batch) {
      const routeKey = `${item.provider}:${item.accountId}`;
      if (item.accountId && !routes.has(routeKey)) routes.set(routeKey, await findChannelByAccount(trx, item.provider, item.accountId));
      const route = routes.get(routeKey);
      rows.push({
        id: newId(now), provider: item.provider, dedupe_key: item.dedupeKey, workspace_id: route?.workspaceId ?? null, channel_id: route?.channelId ?? null,
        headers: JSON.stringify(item.headers), body: item.body, status: 'received' as const, attempts: 0, error: null, received_at: now, processed_at: null,
      });
    }
    // One statement for the burst; a redelivery (same provider and key) is skipped, not an error.
    const inserted = await trx.insertInto('inbound_events').values(rows)
      .onConflict((conflict) => conflict.columns(['provider', 'dedupe_key']).doNothing()).returning('id').execute();
    const accepted = new Set(inserted.map((row) => row.id));
    if (accepted.size > 0) await enqueueJob(deps.queue, processJob, { eventIds: [...accepted] }, { db: trx, maxAttempts: PROCESS_ATTEMPTS, backoffMs: 2000 });
    return rows.map((row) => (accepted.has(row.id) ? 'accepted' : 'duplicate'));
  });
}
