import { loadChannelContext } from '../channels/index.ts';
import { AppError, newId, type Clock, type Sealer } from '../kernel/index.ts';
import { isUniqueViolation, type Db } from '../store/index.ts';
import { ShopApiError } from './shop-api-error.ts';
import { shopAdapters } from './shop-platforms.ts';

export interface DealPromoInput {
  workspaceId: string;
  shopChannelId: string;
  /** Upper-case letters, digits, - and _. */
  code: string;
  /** Exactly one of percent and amountCents. */
  percent: number | null;
  amountCents: number | null;
  startsAt: number;
  endsAt: number;
  usageLimit: number;
  /** The post the deal belongs to, and the social channel it is published on. */
  postId: string;
  sourceChannelId: string | null;
}

/**
 * Creates a post's deal at the shop (Shopify: price rule plus discount code; WooCommerce:
 * coupon) and records it in `promo_codes` tied to the post, so the attribution report credits
 * orders that use it. The row is written first and is unique per shop and code: calling again
 * for the same post answers the code already made instead of a second one.
 *
 * @example await createDealPromoCode(deps, { workspaceId, shopChannelId, code: 'NOEL20', percent: 20, amountCents: null, … })
 */
export async function createDealPromoCode(deps: { db: Db; clock: Clock; sealer: Sealer }, input: DealPromoInput): Promise<{ id: string; code: string; externalId: string | null }> {
  const { db } = deps;
  const now = deps.clock.now();
  const mine = await db.selectFrom('promo_codes').select(['id', 'code', 'external_id', 'post_id']).where('workspace_id', '=', input.workspaceId)
    .where('channel_id', '=', input.shopChannelId).where('code', '=', input.code).executeTakeFirst();
  if (mine && mine.post_id === input.postId && mine.external_id) return { id: mine.id, code: mine.code, externalId: mine.external_id };
  if (mine && mine.post_id !== input.postId) throw new AppError('request.invalid', 'This code is already used by something else', { fields: { 'deal.code': ['already exists'] } });
  const shop = await loadChannelContext(deps, input.workspaceId, input.shopChannelId);
  const adapter = shopAdapters.get(shop.kind);
  if (!adapter) throw new AppError('request.invalid', 'The deal\'s shop is not a shop channel', { fields: { 'deal.shopChannelId': ['not a shop'] } });
  const id = mine?.id ?? newId(now);
  if (!mine) {
    try {
      await db.insertInto('promo_codes').values({
        workspace_id: input.workspaceId, id, channel_id: input.shopChannelId, code: input.code, origin: 'relais', percent: input.percent, expires_at: input.endsAt, external_id: null,
        source_channel_id: input.sourceChannelId, post_id: input.postId, agent_id: null, conversation_id: null, checkout_id: null, created_at: now,
      }).execute();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return createDealPromoCode(deps, input);
    }
  }
  try {
    const created = await adapter.createPromoCode({ channelId: shop.id, workspaceId: shop.workspaceId, externalId: shop.externalId ?? '', apiBase: shop.apiBase, credentials: shop.credentials, settings: shop.settings }, {
      code: input.code, percent: input.percent ?? 0, amountCents: input.amountCents ?? undefined, startsAt: input.startsAt, expiresAt: input.endsAt,
      usageLimit: input.usageLimit, oncePerCustomer: true,
    });
    await db.updateTable('promo_codes').set({ external_id: created.externalId }).where('workspace_id', '=', input.workspaceId).where('id', '=', id).execute();
    return { id, code: input.code, externalId: created.externalId };
  } catch (error) {
    await db.deleteFrom('promo_codes').where('workspace_id', '=', input.workspaceId).where('id', '=', id).execute();
    if (error instanceof ShopApiError) throw new AppError('request.invalid', `The shop refused the code: ${error.message}`, { fields: { 'deal.code': [error.message] } });
    throw error;
  }
}
