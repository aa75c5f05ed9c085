import { AppError, newId } from '../kernel/index.ts';
import { findChannelByAccount, type ChannelProvider, type InstallationSecrets, type WebhookRequest } from '../channels/index.ts';
import { isUniqueViolation } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';
import { PROCESS_QUEUE } from './process-delivery.ts';

const KEPT_HEADERS = /^(content-type|user-agent|x-hub-signature(-256)?|x-twitter-webhooks-signature|x-shopify-[\w-]+|x-wc-webhook-[\w-]+)$/i;

/**
 * The only work done inside a webhook request: check the signature, then store the raw
 * delivery and its processing job in one transaction. A redelivery of the same bytes is
 * acknowledged and changes nothing. Processing happens in the job, never here.
 */
export async function recordDelivery(deps: InboxDeps, provider: ChannelProvider, secrets: InstallationSecrets, request: WebhookRequest): Promise<'accepted' | 'duplicate'> {
  if (!provider.verify(request, secrets)) throw new AppError('webhook.bad_signature', 'The signature does not match this body');
  const body = request.rawBody.toString('utf8');
  let accountIds: string[];
  try {
    accountIds = provider.accountIds(body);
  } catch {
    throw new AppError('request.malformed_json', 'The body is not a delivery this endpoint understands');
  }
  const route = accountIds.length > 0 ? await findChannelByAccount(deps.db, provider.provider, accountIds[0]!) : undefined;
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => KEPT_HEADERS.test(name)));
  const now = deps.clock.now();
  const id = newId(now);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('inbound_events').values({
        id, provider: provider.provider, dedupe_key: provider.dedupeKey(request), workspace_id: route?.workspaceId ?? null, channel_id: route?.channelId ?? null,
        headers: JSON.stringify(headers), body, status: 'received', attempts: 0, error: null, received_at: now, processed_at: null,
      }).execute();
      await deps.queue.enqueue(PROCESS_QUEUE, { eventId: id }, { db: trx, maxAttempts: PROCESS_ATTEMPTS, backoffMs: 2000 });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
  return 'accepted';
}

export const PROCESS_ATTEMPTS = 5;
