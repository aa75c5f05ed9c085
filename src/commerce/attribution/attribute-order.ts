import type { AttributionModel, Db, OrderAttributionsTable, PublishNetwork } from '../../store/index.ts';
import { channelKindOfSource, socialUtm } from './utm.ts';
import type { Queue } from '../../jobs/index.ts';
import { emitWebhookEvent } from '../../webhooks/index.ts';

const DAY = 86_400_000;

export interface AttributionDeps {
  db: Db;
  clock: { now(): number };
  /** For the outgoing webhooks (`order.attributed`, `cart.recovered`); none are sent without it. */
  queue?: Queue;
}

type Attribution = Omit<OrderAttributionsTable, 'workspace_id' | 'order_id' | 'revenue_cents' | 'currency' | 'placed_at' | 'created_at'>;

/**
 * Records how social contributed to an order, one row per model that applies:
 * `promo_code` (a code Relais created or an admin mapped to a channel, post or agent), `utm`
 * (social utm tags on the landing or referring URL) and `conversation_assisted` (the customer
 * talked with the shop in the N days before ordering, 3 by default). Recomputed whole each
 * time, so call it again when the order changes; a cancelled or refunded order counts for none.
 *
 * @example await attributeOrder(deps, workspaceId, orderId) // ['promo_code', 'conversation_assisted']
 */
export async function attributeOrder(deps: AttributionDeps, workspaceId: string, orderId: string): Promise<AttributionModel[]> {
  const { db } = deps;
  const order = await db.selectFrom('orders').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', orderId).executeTakeFirst();
  if (!order) return [];
  const found: Attribution[] = [];
  if (order.status !== 'cancelled' && order.status !== 'refunded') {
    const promo = await byPromoCode(db, workspaceId, order.channel_id, JSON.parse(order.discount_codes) as string[]);
    if (promo) found.push(promo);
    const utm = await byUtm(db, workspaceId, order.landing_site, order.referring_site);
    if (utm) found.push(utm);
    const contactId = order.contact_id ?? (order.shop_customer_id
      ? (await db.selectFrom('shop_customers').select('contact_id').where('workspace_id', '=', workspaceId).where('id', '=', order.shop_customer_id).executeTakeFirst())?.contact_id ?? null
      : null);
    const assisted = contactId ? await byConversation(db, workspaceId, contactId, order.placed_at) : null;
    if (assisted) found.push(assisted);
  }
  const now = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('order_attributions').where('workspace_id', '=', workspaceId).where('order_id', '=', orderId).execute();
    if (found.length === 0) return;
    await trx.insertInto('order_attributions').values(found.map((a) => ({
      ...a, workspace_id: workspaceId, order_id: orderId, revenue_cents: order.total_cents, currency: order.currency, placed_at: order.placed_at, created_at: now,
    }))).execute();
    if (deps.queue) await emitOrderEvents({ queue: deps.queue, clock: deps.clock }, trx, order, found);
  });
  return found.map((a) => a.model);
}

async function byPromoCode(db: Db, workspaceId: string, shopChannelId: string, codes: string[]): Promise<Attribution | null> {
  const upper = codes.map((code) => code.trim().toUpperCase()).filter((code) => code.length > 0);
  if (upper.length === 0) return null;
  const promo = await db.selectFrom('promo_codes as p').leftJoin('channels as c', (join) => join.onRef('c.workspace_id', '=', 'p.workspace_id').onRef('c.id', '=', 'p.source_channel_id'))
    .leftJoin('pub_posts as pp', (join) => join.onRef('pp.workspace_id', '=', 'p.workspace_id').onRef('pp.id', '=', 'p.post_id'))
    .select(['p.id', 'p.code', 'p.origin', 'p.source_channel_id', 'p.post_id', 'p.agent_id', 'p.conversation_id', 'p.checkout_id', 'c.kind', 'pp.campaign'])
    .where('p.workspace_id', '=', workspaceId).where('p.channel_id', '=', shopChannelId).where('p.code', 'in', upper).orderBy('p.id').executeTakeFirst();
  if (!promo) return null;
  return {
    model: 'promo_code', source_channel_id: promo.source_channel_id, source_channel_kind: promo.kind ?? null, agent_id: promo.agent_id,
    conversation_id: promo.conversation_id, promo_code_id: promo.id, post_id: promo.post_id, campaign: promo.campaign ?? null,
    detail: JSON.stringify({ code: promo.code, origin: promo.origin, postId: promo.post_id, checkoutId: promo.checkout_id }),
  };
}

async function byUtm(db: Db, workspaceId: string, landingSite: string | null, referringSite: string | null): Promise<Attribution | null> {
  const tags = socialUtm(landingSite, referringSite);
  if (!tags) return null;
  // utm_content names the Relais post when Relais tagged the link; its channel is then known.
  const post = tags.content
    ? await db.selectFrom('pub_posts as pp').leftJoin('pub_versions as pv', (join) => join.onRef('pv.workspace_id', '=', 'pp.workspace_id').onRef('pv.post_id', '=', 'pp.id').on('pv.network', '=', tags.source as PublishNetwork))
      .select(['pp.id', 'pp.campaign', 'pv.channel_id']).where('pp.workspace_id', '=', workspaceId).where('pp.id', '=', tags.content).executeTakeFirst()
    : undefined;
  const channel = post?.channel_id ? { id: post.channel_id } : await db.selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('kind', '=', channelKindOfSource[tags.source] ?? '')
    .orderBy('created_at').executeTakeFirst();
  return {
    model: 'utm', source_channel_id: channel?.id ?? null, source_channel_kind: tags.source, agent_id: null, conversation_id: null, promo_code_id: null,
    post_id: post?.id ?? null, campaign: post ? (post.campaign ?? tags.campaign) : tags.campaign,
    detail: JSON.stringify({ utmSource: tags.rawSource, utmMedium: tags.medium, utmCampaign: tags.campaign, from: tags.from }),
  };
}

async function byConversation(db: Db, workspaceId: string, contactId: string, placedAt: number): Promise<Attribution | null> {
  const settings = await db.selectFrom('recovery_settings').select('attribution_days').where('workspace_id', '=', workspaceId).executeTakeFirst();
  const days = settings?.attribution_days ?? 3;
  const at = (eb: any) => eb.fn.coalesce('m.platform_created_at', 'm.created_at');
  const last = await db.selectFrom('messages as m')
    .innerJoin('conversations as v', (join) => join.onRef('v.workspace_id', '=', 'm.workspace_id').onRef('v.id', '=', 'm.conversation_id'))
    .innerJoin('channels as c', (join) => join.onRef('c.workspace_id', '=', 'v.workspace_id').onRef('c.id', '=', 'v.channel_id'))
    .select(['v.id', 'v.channel_id', 'v.assignee_id', 'c.kind', (eb) => at(eb).as('at')])
    .where('m.workspace_id', '=', workspaceId).where('v.contact_id', '=', contactId).where('m.kind', '!=', 'note')
    .where((eb) => eb.between(at(eb), placedAt - days * DAY, placedAt))
    .orderBy((eb) => at(eb), 'desc').limit(1).executeTakeFirst();
  if (!last) return null;
  const agent = last.assignee_id ?? (await db.selectFrom('messages').select('author_id').where('workspace_id', '=', workspaceId).where('conversation_id', '=', last.id)
    .where('author_type', '=', 'user').where('created_at', '<=', placedAt).orderBy('seq', 'desc').limit(1).executeTakeFirst())?.author_id ?? null;
  return {
    model: 'conversation_assisted', source_channel_id: last.channel_id, source_channel_kind: last.kind, agent_id: agent, conversation_id: last.id, promo_code_id: null, post_id: null, campaign: null,
    detail: JSON.stringify({ conversationId: last.id, lastMessageAt: Number(last.at), windowDays: days }),
  };
}

/**
 * The outgoing webhooks of an attributed order (once per order, however often it is
 * recomputed): `order.attributed`, and `cart.recovered` when the order completes a cart that a
 * recovery message was sent for.
 */
async function emitOrderEvents(deps: { queue: Queue; clock: { now(): number } }, db: Db, order: { workspace_id: string; id: string; external_id: string; channel_id: string; contact_id: string | null; total_cents: number; currency: string }, found: Attribution[]): Promise<void> {
  const first = found.find((a) => a.source_channel_id) ?? found[0]!;
  await emitWebhookEvent(deps, db, order.workspace_id, 'order.attributed', {
    orderId: order.id, shopOrderId: order.external_id, shopChannelId: order.channel_id, contactId: order.contact_id, models: found.map((a) => a.model),
    sourceChannelId: first.source_channel_id, conversationId: found.find((a) => a.conversation_id)?.conversation_id ?? null, postId: found.find((a) => a.post_id)?.post_id ?? null,
    totalCents: order.total_cents, currency: order.currency, attributedAt: deps.clock.now(),
  }, { once: order.id });
  const recovered = await db.selectFrom('recovery_decisions as d').innerJoin('checkouts as k', (join) => join.onRef('k.id', '=', 'd.checkout_id').onRef('k.workspace_id', '=', 'd.workspace_id'))
    .select(['d.checkout_id', 'd.conversation_id']).where('d.workspace_id', '=', order.workspace_id).where('k.order_id', '=', order.id).where('d.outcome', '=', 'sent').executeTakeFirst();
  if (!recovered) return;
  await emitWebhookEvent(deps, db, order.workspace_id, 'cart.recovered', {
    checkoutId: recovered.checkout_id, orderId: order.id, shopOrderId: order.external_id, conversationId: recovered.conversation_id, contactId: order.contact_id,
    totalCents: order.total_cents, currency: order.currency, recoveredAt: deps.clock.now(),
  }, { once: recovered.checkout_id });
}
