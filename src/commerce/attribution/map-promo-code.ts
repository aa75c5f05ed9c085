import { sql } from 'kysely';
import type { z } from 'zod';
import { mapPromoCodeBody } from '../../contracts/index.ts';
import { AppError, newId } from '../../kernel/index.ts';
import { attributeOrder, type AttributionDeps } from './attribute-order.ts';

/** The contract's schema (src/contracts): a code tied to a channel, a post or an agent. */
export const mapPromoCodeSchema = mapPromoCodeBody;

export type MapPromoCode = z.infer<typeof mapPromoCodeSchema>;

/**
 * Ties an existing shop code (an influencer's, a post's) to a social channel, post or agent,
 * then re-attributes the orders that used it. Codes Relais created keep their own ties.
 */
export async function mapPromoCode(deps: AttributionDeps, workspaceId: string, input: MapPromoCode): Promise<{ id: string; reattributed: number }> {
  const { db } = deps;
  const shop = await db.selectFrom('channels').select('kind').where('workspace_id', '=', workspaceId).where('id', '=', input.shopChannelId).executeTakeFirst();
  if (!shop) throw new AppError('channel.not_found', 'Shop not found');
  for (const [id, table] of [[input.sourceChannelId, 'channels'], [input.postId, 'posts']] as const) {
    if (id && !(await db.selectFrom(table).select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst())) {
      throw new AppError('request.invalid', 'Unknown channel or post', { fields: { [table === 'channels' ? 'sourceChannelId' : 'postId']: ['not found'] } });
    }
  }
  if (input.agentId && !(await db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', input.agentId).executeTakeFirst())) {
    throw new AppError('request.invalid', 'Unknown agent', { fields: { agentId: ['not a member'] } });
  }
  const existing = await db.selectFrom('promo_codes').select(['id', 'origin']).where('workspace_id', '=', workspaceId).where('channel_id', '=', input.shopChannelId).where('code', '=', input.code).executeTakeFirst();
  if (existing?.origin === 'relais') throw new AppError('promo_code.created_by_relais', 'Relais created this code; its ties are already known');
  const ties = { source_channel_id: input.sourceChannelId, post_id: input.postId, agent_id: input.agentId };
  const id = existing?.id ?? newId(deps.clock.now());
  if (existing) await db.updateTable('promo_codes').set(ties).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  else {
    await db.insertInto('promo_codes').values({
      workspace_id: workspaceId, id, channel_id: input.shopChannelId, code: input.code, origin: 'mapped', percent: null, expires_at: null, external_id: null,
      ...ties, conversation_id: null, checkout_id: null, created_at: deps.clock.now(),
    }).execute();
  }
  const orders = await db.selectFrom('orders').select('id').where('workspace_id', '=', workspaceId).where('channel_id', '=', input.shopChannelId)
    // Codes are stored upper-cased, as a JSON array; `_` (allowed in a code) is a LIKE wildcard, so it is escaped.
    .where(sql<boolean>`upper(discount_codes) like ${`%${JSON.stringify(input.code).replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`).execute();
  for (const order of orders) await attributeOrder(deps, workspaceId, order.id);
  return { id, reattributed: orders.length };
}

/** The workspace's codes with their ties, newest first. */
export async function listPromoCodes(deps: AttributionDeps, workspaceId: string) {
  const rows = await deps.db.selectFrom('promo_codes').select(['id', 'channel_id', 'code', 'origin', 'percent', 'expires_at', 'source_channel_id', 'post_id', 'agent_id', 'checkout_id', 'created_at'])
    .where('workspace_id', '=', workspaceId).orderBy('id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id, shopChannelId: r.channel_id, code: r.code, origin: r.origin, percent: r.percent, expiresAt: r.expires_at,
    sourceChannelId: r.source_channel_id, postId: r.post_id, agentId: r.agent_id, checkoutId: r.checkout_id, createdAt: r.created_at,
  }));
}
