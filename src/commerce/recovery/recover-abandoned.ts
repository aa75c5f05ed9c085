import { sql } from 'kysely';
import type { Db } from '../../store/index.ts';
import { decideRecovery } from './decide-recovery.ts';
import { reachableConversation } from './reachable-conversation.ts';
import type { RecoveryDeps, RecoveryOutcome } from './recovery-deps.ts';
import { defaultRecoverySettings, getRecoverySettings, isQuietTime, RECOVERY_HORIZON_MS } from './recovery-settings.ts';

export const RECOVER_QUEUE = 'commerce.recover';
export { RECOVERY_HORIZON_MS };
const MINUTE = 60_000;
/** A cart claimed this long ago with no decision was left by a job that died: it is decided again. */
const CLAIM_TIMEOUT_MS = 5 * MINUTE;

/**
 * The periodic job (every minute): each open checkout untouched for the workspace's delay
 * becomes abandoned (once: `abandoned_at` is claimed by a conditional update), the
 * `cartAbandoned` hook is told, and the recovery is decided. A cart skipped only for quiet
 * hours is decided again once they end (still within the horizon and the channel's window);
 * so is one claimed by a round that died before deciding it (the message's key keeps it single).
 */
export async function recoverAbandonedCarts(deps: RecoveryDeps): Promise<RecoveryOutcome[]> {
  const { db, clock } = deps;
  const now = clock.now();
  // Each workspace's own delay is in the query: carts still inside a long delay never crowd out another workspace's due ones.
  const defaultDelayMs = defaultRecoverySettings.delayMinutes * MINUTE;
  const candidates = await db.selectFrom('checkouts as k').leftJoin('recovery_settings as s', 's.workspace_id', 'k.workspace_id')
    .select(['k.workspace_id', 'k.id', 'k.contact_id', 'k.shop_customer_id'])
    .where('k.completed_at', 'is', null).where('k.order_id', 'is', null).where('k.abandoned_at', 'is', null)
    .where('k.platform_updated_at', '>', now - RECOVERY_HORIZON_MS).where('k.platform_updated_at', '<=', now - 15 * MINUTE)
    .where(sql<boolean>`k.platform_updated_at <= cast(${now} as bigint) - coalesce(s.delay_minutes * ${MINUTE}, ${defaultDelayMs})`)
    .orderBy('k.platform_updated_at').limit(200).execute();
  const outcomes: RecoveryOutcome[] = [];
  for (const checkout of candidates) {
    const claimed = await db.updateTable('checkouts').set({ abandoned_at: now, updated_at: now })
      .where('workspace_id', '=', checkout.workspace_id).where('id', '=', checkout.id).where('abandoned_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    // The rules' cart_abandoned hook failing must not cost the customer their recovery.
    await tellAbandoned(deps, checkout.workspace_id, checkout.id, await contactOf(db, checkout))
      .catch((error: unknown) => deps.logger.error({ err: error, checkoutId: checkout.id }, 'the cart_abandoned hook failed'));
    await decideOne(deps, checkout, outcomes);
  }
  for (const checkout of await waitingForMorning(db, now)) {
    const settings = await getRecoverySettings(db, checkout.workspace_id);
    if (!isQuietTime(now, settings)) await decideOne(deps, checkout, outcomes);
  }
  for (const checkout of await claimedUndecided(db, now)) await decideOne(deps, checkout, outcomes);
  return outcomes;
}

/** One cart's decision; a cart that fails is logged and left undecided (a later round retries it), never blocking the others. */
async function decideOne(deps: RecoveryDeps, checkout: { workspace_id: string; id: string }, outcomes: RecoveryOutcome[]): Promise<void> {
  try {
    outcomes.push(await decideRecovery(deps, checkout.workspace_id, checkout.id));
  } catch (error) {
    deps.logger.error({ err: error, workspaceId: checkout.workspace_id, checkoutId: checkout.id }, 'cart recovery could not be decided; retried in a later round');
  }
}

/** Carts a round marked abandoned a while ago and never decided (it died in between). */
async function claimedUndecided(db: Db, now: number) {
  return db.selectFrom('checkouts as k').select(['k.workspace_id', 'k.id'])
    .where('k.abandoned_at', '<=', now - CLAIM_TIMEOUT_MS).where('k.completed_at', 'is', null).where('k.platform_updated_at', '>', now - RECOVERY_HORIZON_MS)
    .where(({ exists, not, selectFrom }) => not(exists(selectFrom('recovery_decisions as d').select('d.id')
      .whereRef('d.workspace_id', '=', 'k.workspace_id').whereRef('d.checkout_id', '=', 'k.id'))))
    .orderBy('k.platform_updated_at').limit(200).execute();
}

/** Abandoned carts whose every decision so far is "quiet hours". */
async function waitingForMorning(db: Db, now: number) {
  return db.selectFrom('checkouts as k').select(['k.workspace_id', 'k.id'])
    .where('k.abandoned_at', 'is not', null).where('k.completed_at', 'is', null).where('k.platform_updated_at', '>', now - RECOVERY_HORIZON_MS)
    .where(({ exists, selectFrom }) => exists(selectFrom('recovery_decisions as d').select('d.id')
      .whereRef('d.workspace_id', '=', 'k.workspace_id').whereRef('d.checkout_id', '=', 'k.id').where('d.reason', '=', 'quiet_hours')))
    .where(({ exists, not, selectFrom }) => not(exists(selectFrom('recovery_decisions as d').select('d.id')
      .whereRef('d.workspace_id', '=', 'k.workspace_id').whereRef('d.checkout_id', '=', 'k.id').where('d.reason', '!=', 'quiet_hours'))))
    .orderBy('k.platform_updated_at').limit(200).execute();
}

async function tellAbandoned(deps: RecoveryDeps, workspaceId: string, checkoutId: string, contactId: string | null): Promise<void> {
  if (!deps.cartAbandoned || !contactId) return;
  const reach = await reachableConversation(deps, workspaceId, contactId);
  const conversationId = reach.open?.id ?? reach.latestId;
  if (conversationId) await deps.cartAbandoned(workspaceId, conversationId, checkoutId);
}

async function contactOf(db: Db, checkout: { workspace_id: string; contact_id: string | null; shop_customer_id: string | null }): Promise<string | null> {
  if (checkout.contact_id) return checkout.contact_id;
  if (!checkout.shop_customer_id) return null;
  const customer = await db.selectFrom('shop_customers').select('contact_id').where('workspace_id', '=', checkout.workspace_id).where('id', '=', checkout.shop_customer_id).executeTakeFirst();
  return customer?.contact_id ?? null;
}

/**
 * The ingestion hook for a stored checkout: a cart touched again after it was marked
 * abandoned, and not yet decided, starts its delay over.
 */
export async function onCheckoutUpserted(deps: Pick<RecoveryDeps, 'db' | 'clock'>, workspaceId: string, checkoutId: string): Promise<void> {
  const { db, clock } = deps;
  const checkout = await db.selectFrom('checkouts').select(['abandoned_at', 'platform_updated_at', 'completed_at']).where('workspace_id', '=', workspaceId).where('id', '=', checkoutId).executeTakeFirst();
  if (!checkout?.abandoned_at || checkout.completed_at !== null || checkout.platform_updated_at <= checkout.abandoned_at) return;
  const decided = await db.selectFrom('recovery_decisions').select('id').where('workspace_id', '=', workspaceId).where('checkout_id', '=', checkoutId).executeTakeFirst();
  if (decided) return;
  await db.updateTable('checkouts').set({ abandoned_at: null, updated_at: clock.now() }).where('workspace_id', '=', workspaceId).where('id', '=', checkoutId).execute();
}
