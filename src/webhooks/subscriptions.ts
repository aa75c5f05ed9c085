import { recordAudit, type Caller } from '../accounts/index.ts';
import type { WebhookCreateBody, WebhookSubscription, WebhookUpdateBody } from '../contracts/index.ts';
import { AppError, newId } from '../kernel/index.ts';
import { checkOutboundUrl, isOutboundError, policyFromEnv } from '../net/index.ts';
import type { WebhookSubscriptionsTable } from '../store/index.ts';
import type { WebhooksDeps } from './deps.ts';
import { newWebhookSecret } from './sign.ts';

type Actor = Pick<Caller, 'via' | 'userId' | 'tokenId' | 'workspaceId'>;
/** After a rotation the previous secret signs too, for a day, so receivers can switch over. */
const ROTATION_GRACE_MS = 24 * 60 * 60_000;

/** The workspace's subscriptions, oldest first. */
export async function listSubscriptions(deps: Pick<WebhooksDeps, 'db'>, workspaceId: string): Promise<WebhookSubscription[]> {
  const rows = await deps.db.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map(subscriptionView);
}

export async function getSubscription(deps: Pick<WebhooksDeps, 'db'>, workspaceId: string, id: string): Promise<WebhookSubscription> {
  return subscriptionView(await requireSubscription(deps, workspaceId, id));
}

/**
 * Subscribes a URL. The secret is answered here once and stored sealed; a URL the outbound
 * guard would refuse (a private address in production, http where https is required) is
 * refused now rather than at the first delivery.
 *
 * @example const { subscription, secret } = await createSubscription(deps, caller, { url: 'https://erp.example/hooks/relais', events: ['message.received'] });
 */
export async function createSubscription(deps: WebhooksDeps, actor: Actor, input: WebhookCreateBody): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const url = checkUrl(deps, input.url);
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  const row: WebhookSubscriptionsTable = {
    workspace_id: actor.workspaceId, id: newId(now), url, description: input.description ?? '', events: JSON.stringify(input.events),
    secret_sealed: deps.sealer.seal(secret), previous_secret_sealed: null, previous_secret_until: null,
    enabled: input.enabled === false ? 0 : 1, disabled_reason: input.enabled === false ? 'manual' : null,
    failing_since: null, last_success_at: null, created_by: actor.userId, created_at: now, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('webhook_subscriptions').values(row).execute();
    await recordAudit(trx, { workspaceId: actor.workspaceId, actor, action: 'webhook.created', target: { type: 'webhook', id: row.id }, data: { url, events: input.events }, at: now });
  });
  return { subscription: subscriptionView(row), secret };
}

/** Changes a subscription. Turning it back on forgets its failures: it starts a fresh day. */
export async function updateSubscription(deps: WebhooksDeps, actor: Actor, id: string, input: WebhookUpdateBody): Promise<WebhookSubscription> {
  const current = await requireSubscription(deps, actor.workspaceId, id);
  const url = input.url === undefined ? undefined : checkUrl(deps, input.url);
  const now = deps.clock.now();
  const turning = input.enabled === undefined || input.enabled === (current.enabled === 1) ? {} : input.enabled
    ? { enabled: 1, disabled_reason: null, failing_since: null }
    : { enabled: 0, disabled_reason: 'manual' };
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('webhook_subscriptions').set({
      ...(url !== undefined ? { url } : {}),
      ...(input.events !== undefined ? { events: JSON.stringify(input.events) } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...turning,
      updated_at: now,
    }).where('workspace_id', '=', actor.workspaceId).where('id', '=', id).execute();
    await recordAudit(trx, { workspaceId: actor.workspaceId, actor, action: 'webhook.updated', target: { type: 'webhook', id }, data: { ...input }, at: now });
  });
  return getSubscription(deps, actor.workspaceId, id);
}

/** Deletes a subscription and its delivery log; jobs still queued for it find nothing and stop. */
export async function deleteSubscription(deps: WebhooksDeps, actor: Actor, id: string): Promise<void> {
  const current = await requireSubscription(deps, actor.workspaceId, id);
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('webhook_deliveries').where('workspace_id', '=', actor.workspaceId).where('subscription_id', '=', id).execute();
    await trx.deleteFrom('webhook_subscriptions').where('workspace_id', '=', actor.workspaceId).where('id', '=', id).execute();
    await recordAudit(trx, { workspaceId: actor.workspaceId, actor, action: 'webhook.deleted', target: { type: 'webhook', id }, data: { url: current.url }, at: deps.clock.now() });
  });
}

/** A new secret, answered once; the previous one keeps signing for a day beside it. */
export async function rotateSecret(deps: WebhooksDeps, actor: Actor, id: string): Promise<{ secret: string }> {
  const current = await requireSubscription(deps, actor.workspaceId, id);
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('webhook_subscriptions').set({
      secret_sealed: deps.sealer.seal(secret), previous_secret_sealed: current.secret_sealed, previous_secret_until: now + ROTATION_GRACE_MS, updated_at: now,
    }).where('workspace_id', '=', actor.workspaceId).where('id', '=', id).execute();
    await recordAudit(trx, { workspaceId: actor.workspaceId, actor, action: 'webhook.secret_rotated', target: { type: 'webhook', id }, at: now });
  });
  return { secret };
}

export async function requireSubscription(deps: Pick<WebhooksDeps, 'db'>, workspaceId: string, id: string): Promise<WebhookSubscriptionsTable> {
  const row = await deps.db.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('webhook.not_found', 'Webhook subscription not found');
  return row;
}

function checkUrl(deps: Pick<WebhooksDeps, 'policy'>, url: string): string {
  try {
    return checkOutboundUrl(url, { policy: deps.policy ?? policyFromEnv() }).toString();
  } catch (error) {
    if (!isOutboundError(error)) throw error;
    throw new AppError('webhook.url_refused', `This URL is not allowed: ${error.message.replace(/^Refused: /, '')}`, { fields: { url: [error.message] }, cause: error });
  }
}

export function subscriptionView(row: WebhookSubscriptionsTable): WebhookSubscription {
  return {
    id: row.id, url: row.url, description: row.description, events: JSON.parse(row.events) as string[], enabled: row.enabled === 1,
    disabledReason: row.disabled_reason === 'failing' || row.disabled_reason === 'manual' ? row.disabled_reason : null,
    failingSince: row.failing_since, lastSuccessAt: row.last_success_at, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}
