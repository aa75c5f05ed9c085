import { z } from 'zod';
import { recordAudit } from '../accounts/index.ts';
import { newId } from '../kernel/index.ts';
import { guardedFetch, isOutboundError, policyFromEnv } from '../net/index.ts';
import { sql, type WebhookDeliveriesTable, type WebhookSubscriptionsTable } from '../store/index.ts';
import { DISABLE_AFTER_MS, type WebhooksDeps } from './deps.ts';
import { signatureHeader } from './sign.ts';

export const DELIVER_QUEUE = 'webhooks.deliver';

/**
 * When attempt n+1 comes after attempt n failed: Standard Webhooks' suggested schedule
 * (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). Eight attempts span about 27 h, so a
 * receiver down for a day is turned off (`DISABLE_AFTER_MS`) before the schedule runs out.
 */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 5 * 3600_000, 10 * 3600_000, 10 * 3600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const TIMEOUT_MS = 10_000;
/** A receiver answers briefly; more than this is read as a failure and never stored whole. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const SNIPPET_CHARS = 500;
/** A `sending` row older than this was left by a worker that died mid-request. */
export const STALE_SENDING_MS = 5 * 60_000;

export const deliverPayload = z.object({
  workspaceId: z.string().min(1).max(64),
  deliveryId: z.string().min(1).max(64),
  /** The attempt this job makes (1 on the first): a stale job for an attempt already made does nothing. */
  attempt: z.number().int().min(1).max(1000),
});
export type DeliverPayload = z.infer<typeof deliverPayload>;

type Outcome = { ok: true; status: number; snippet: string } | { ok: false; status: number | null; snippet: string | null; error: string; refused: boolean };

/**
 * The delivery job: one signed POST through the outbound guard. A 2xx is delivered; anything
 * else (another status, a redirect, a time-out, a refused address) is a failure, retried on
 * the schedule, and after a day of failures in a row the subscription is turned off and the
 * workspace's admins are told (a notification and an audit line).
 */
export async function deliverWebhook(deps: WebhooksDeps, job: DeliverPayload): Promise<void> {
  const { workspaceId, deliveryId, attempt } = job;
  const now = deps.clock.now();
  // Claim the attempt: the row moves from attempt n-1 to n; a duplicate job finds it moved.
  const claimed = await deps.db.updateTable('webhook_deliveries').set({ state: 'sending', attempts: attempt, last_attempt_at: now, updated_at: now })
    .where('workspace_id', '=', workspaceId).where('id', '=', deliveryId)
    .where((eb) => eb.or([
      // Not before its time: on pg-boss a delayed job keeps real time, the clock may differ a little.
      eb.and([eb('attempts', '=', attempt - 1), eb('state', 'in', ['pending', 'retrying']), eb('next_attempt_at', '<=', now + 1000)]),
      eb.and([eb('attempts', '=', attempt), eb('state', '=', 'sending'), eb('last_attempt_at', '<', now - STALE_SENDING_MS)]),
    ]))
    .returningAll().executeTakeFirst();
  if (!claimed) return;
  const subscription = await deps.db.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', claimed.subscription_id).executeTakeFirst();
  if (!subscription || subscription.enabled !== 1) {
    await settle(deps, claimed, { state: 'failed', error: subscription ? 'The subscription is turned off' : 'The subscription was deleted' });
    return;
  }
  const started = Date.now();
  const outcome = await send(deps, subscription, claimed, now);
  const durationMs = Date.now() - started;
  const answer = { response_status: outcome.status, response_snippet: outcome.snippet, duration_ms: durationMs };
  if (outcome.ok) {
    await deps.db.transaction().execute(async (trx) => {
      await settle({ ...deps, db: trx }, claimed, { state: 'delivered', ...answer, error: null });
      await trx.updateTable('webhook_subscriptions').set({ failing_since: null, last_success_at: now })
        .where('workspace_id', '=', workspaceId).where('id', '=', subscription.id).execute();
    });
    return;
  }
  const failingSince = subscription.failing_since ?? now;
  const givingUp = now - failingSince >= DISABLE_AFTER_MS;
  const retry = !givingUp && !outcome.refused && attempt < MAX_ATTEMPTS;
  const nextAt = retry ? now + RETRY_DELAYS_MS[attempt - 1]! : null;
  const notified = await deps.db.transaction().execute(async (trx) => {
    await settle({ ...deps, db: trx }, claimed, { state: retry ? 'retrying' : 'failed', ...answer, error: outcome.error, next_attempt_at: nextAt });
    await trx.updateTable('webhook_subscriptions').set({ failing_since: failingSince })
      .where('workspace_id', '=', workspaceId).where('id', '=', subscription.id).where('failing_since', 'is', null).execute();
    if (retry) await deps.queue.enqueue(DELIVER_QUEUE, { workspaceId, deliveryId, attempt: attempt + 1 } satisfies DeliverPayload, { db: trx, delayMs: nextAt! - now });
    return givingUp ? turnOff({ ...deps, db: trx }, subscription, failingSince, outcome.error) : [];
  });
  for (const n of notified) await deps.bus?.publish(workspaceId, 'notification.created', { userId: n.userId, notificationId: n.id, conversationId: null });
  if (givingUp) deps.logger?.warn({ workspaceId, subscriptionId: subscription.id, failingSince }, 'webhook subscription turned off after a day of failures');
}

async function send(deps: WebhooksDeps, subscription: WebhookSubscriptionsTable, delivery: WebhookDeliveriesTable, now: number): Promise<Outcome> {
  const secrets = [deps.sealer.open(subscription.secret_sealed)];
  if (subscription.previous_secret_sealed && (subscription.previous_secret_until ?? 0) > now) secrets.push(deps.sealer.open(subscription.previous_secret_sealed));
  const timestamp = Math.floor(now / 1000);
  try {
    const response = await guardedFetch(subscription.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Relais-Webhooks/1',
        'webhook-id': delivery.message_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(secrets, delivery.message_id, timestamp, delivery.body),
      },
      body: delivery.body,
      timeoutMs: TIMEOUT_MS,
      maxResponseBytes: MAX_RESPONSE_BYTES,
      policy: deps.policy ?? policyFromEnv(),
    });
    const snippet = (await response.text()).slice(0, SNIPPET_CHARS);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, snippet };
    const redirect = response.status >= 300 && response.status < 400 ? ` (redirects are not followed: ${response.headers.get('location') ?? 'no location'})` : '';
    return { ok: false, status: response.status, snippet, error: `HTTP ${response.status}${redirect}`, refused: false };
  } catch (error) {
    if (!isOutboundError(error)) throw error;
    return { ok: false, status: null, snippet: null, error: error.message, refused: error.refused };
  }
}

async function settle(deps: Pick<WebhooksDeps, 'db' | 'clock'>, delivery: WebhookDeliveriesTable, change: Partial<Pick<WebhookDeliveriesTable, 'state' | 'response_status' | 'response_snippet' | 'duration_ms' | 'error' | 'next_attempt_at'>>): Promise<void> {
  await deps.db.updateTable('webhook_deliveries').set({ next_attempt_at: null, ...change, updated_at: deps.clock.now() })
    .where('workspace_id', '=', delivery.workspace_id).where('id', '=', delivery.id).execute();
}

/**
 * A day of failures: the subscription is turned off, the admins get a notification, the audit
 * log a line (in the caller's transaction). Answers the notifications written.
 */
async function turnOff(deps: Pick<WebhooksDeps, 'db' | 'clock'>, subscription: WebhookSubscriptionsTable, failingSince: number, lastError: string): Promise<{ userId: string; id: string }[]> {
  const workspaceId = subscription.workspace_id;
  const now = deps.clock.now();
  const trx = deps.db;
  const turned = await trx.updateTable('webhook_subscriptions').set({ enabled: 0, disabled_reason: 'failing', updated_at: now })
    .where('workspace_id', '=', workspaceId).where('id', '=', subscription.id).where('enabled', '=', 1).executeTakeFirst();
  if (Number(turned.numUpdatedRows) === 0) return [];
  // Deliveries still waiting for a retry will not get one.
  await trx.updateTable('webhook_deliveries').set({ state: 'failed', next_attempt_at: null, error: sql<string>`coalesce(error, 'The subscription was turned off')`, updated_at: now })
    .where('workspace_id', '=', workspaceId).where('subscription_id', '=', subscription.id).where('state', 'in', ['pending', 'retrying']).execute();
  await recordAudit(trx, { workspaceId, actor: 'system', action: 'webhook.disabled', target: { type: 'webhook', id: subscription.id }, data: { url: subscription.url, failingSince, lastError }, at: now });
  const admins = await trx.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('role', 'in', ['owner', 'admin']).execute();
  const data = JSON.stringify({ subscriptionId: subscription.id, url: subscription.url, description: subscription.description, failingSince, lastError: lastError.slice(0, 200) });
  const created: { userId: string; id: string }[] = [];
  for (const { user_id: userId } of admins) {
    const id = newId(now);
    const row = await trx.insertInto('notifications').values({
      workspace_id: workspaceId, id, user_id: userId, kind: 'webhook_disabled', source_key: `webhook_disabled:${subscription.id}:${failingSince}`,
      conversation_id: null, message_id: null, data, created_at: now, read_at: null,
    }).onConflict((conflict) => conflict.columns(['workspace_id', 'user_id', 'source_key']).doNothing()).returning('id').executeTakeFirst();
    if (row) created.push({ userId, id });
  }
  return created;
}
