import { AppError } from '../../kernel/index.ts';
import { isUniqueViolation, type Db } from '../../store/index.ts';
import { hasOptedOut } from './opt-out.ts';
import { reachableConversation } from './reachable-conversation.ts';
import { getRecoverySettings, isQuietTime, renderRecoveryTemplate } from './recovery-settings.ts';
import { ensureRecoveryPromo } from './recovery-promo.ts';
import type { RecoveryDeps, RecoveryOutcome, RecoveryReason } from './recovery-deps.ts';
import { recordDecision } from './record-decision.ts';

/** The key of the one recovery message of a checkout: a retried job finds it instead of sending again. */
export const recoveryKey = (checkoutId: string) => `recovery:${checkoutId}`;

/**
 * Decides, now, whether an abandoned checkout gets its recovery message, and records the
 * decision (and a note in the conversation). Skipped, with its reason, when recovery is off,
 * the order came in, one was already sent, the customer opted out, nowhere to write, quiet
 * hours, or every window is closed. Safe to run twice at once: the message has a key
 * derived from the checkout and the database keeps one `sent` decision per checkout.
 *
 * @example await decideRecovery(deps, workspaceId, checkoutId) // { outcome: 'sent', reason: 'sent', … }
 */
export async function decideRecovery(deps: RecoveryDeps, workspaceId: string, checkoutId: string): Promise<RecoveryOutcome> {
  const { db, clock } = deps;
  const now = clock.now();
  const checkout = await db.selectFrom('checkouts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', checkoutId).executeTakeFirst();
  if (!checkout) throw new AppError('request.not_found', 'Checkout not found');
  const settings = await getRecoverySettings(db, workspaceId);
  const customer = checkout.shop_customer_id
    ? await db.selectFrom('shop_customers').select(['contact_id', 'first_name']).where('workspace_id', '=', workspaceId).where('id', '=', checkout.shop_customer_id).executeTakeFirst()
    : undefined;
  const contactId = checkout.contact_id ?? customer?.contact_id ?? null;
  const reach = contactId ? await reachableConversation(deps, workspaceId, contactId) : { latestId: null, open: null };
  const skip = (reason: RecoveryReason, conversationId = reach.latestId) => recordDecision(deps, workspaceId, checkoutId, { outcome: 'skipped', reason, conversationId, messageId: null, promoCode: null });

  const recordSent = async (conversationId: string, messageId: string, promo: { id: string; code: string } | null) => {
    try {
      return await recordDecision(deps, workspaceId, checkoutId, { outcome: 'sent', reason: 'sent', conversationId, messageId, promoCode: promo?.code ?? null, promoCodeId: promo?.id ?? null });
    } catch (error) {
      if (isUniqueViolation(error)) return skip('already_sent', conversationId);
      throw error;
    }
  };

  // A job that wrote the message, then died before recording it: the message went (or will), whatever changed since.
  const written = await db.selectFrom('outbound').select(['conversation_id', 'message_id']).where('workspace_id', '=', workspaceId).where('idempotency_key', '=', recoveryKey(checkoutId)).executeTakeFirst();
  if (written && !(await alreadySent(db, workspaceId, checkoutId))) {
    const promo = await db.selectFrom('promo_codes').select(['id', 'code']).where('workspace_id', '=', workspaceId).where('checkout_id', '=', checkoutId).executeTakeFirst();
    return recordSent(written.conversation_id, written.message_id, promo ?? null);
  }
  if (!settings.enabled) return skip('disabled');
  if (checkout.completed_at !== null || checkout.order_id !== null || (await orderedSince(db, workspaceId, checkout))) return skip('ordered');
  if (await alreadySent(db, workspaceId, checkoutId)) return skip('already_sent');
  if (!contactId) return skip('no_channel');
  if (await hasOptedOut(db, workspaceId, contactId, now)) return skip('opted_out');
  if (!reach.latestId) return skip('no_channel');
  if (isQuietTime(now, settings)) return skip('quiet_hours');
  if (!reach.open) return skip('window_closed');

  const conversationId = reach.open.id;
  const language = await customerLanguage(db, workspaceId, conversationId);
  const promo = settings.promoPercent === null ? null : await ensureRecoveryPromo(deps, {
    workspaceId, checkoutId, shopChannelId: checkout.channel_id, conversationId, socialChannelId: reach.open.channelId,
    percent: settings.promoPercent, expiryDays: settings.promoExpiryDays,
  });
  const contact = await db.selectFrom('contacts').select('name').where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  const text = renderRecoveryTemplate(language === 'en' ? settings.templateEn : settings.templateFr, {
    name: customer?.first_name ?? contact?.name?.split(' ')[0] ?? null,
    link: checkout.recovery_url ?? '',
    code: promo?.code ?? null,
    percent: promo?.percent ?? null,
    expiry: promo ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', timeZone: settings.timezone }).format(promo.expiresAt) : null,
  });
  let messageId: string;
  try {
    ({ messageId } = await deps.reply(workspaceId, conversationId, { text, idempotencyKey: recoveryKey(checkoutId) }));
  } catch (error) {
    // The window closed between the look and the send: the policy has the last word.
    if (error instanceof AppError && error.code.startsWith('channel.')) return skip('window_closed', conversationId);
    throw error;
  }
  return recordSent(conversationId, messageId, promo);
}

async function alreadySent(db: Db, workspaceId: string, checkoutId: string): Promise<boolean> {
  const row = await db.selectFrom('recovery_decisions').select('id').where('workspace_id', '=', workspaceId).where('checkout_id', '=', checkoutId).where('outcome', '=', 'sent').executeTakeFirst();
  return row !== undefined;
}

/** An order with this checkout's token, or from this customer since the cart was last touched. */
async function orderedSince(db: Db, workspaceId: string, checkout: { channel_id: string; token: string; cart_token: string | null; shop_customer_id: string | null; email: string | null; platform_updated_at: number }): Promise<boolean> {
  const order = await db.selectFrom('orders').select('id').where('workspace_id', '=', workspaceId).where('channel_id', '=', checkout.channel_id)
    .where((eb) => eb.or([
      eb('checkout_token', '=', checkout.token),
      ...(checkout.cart_token ? [eb('cart_token', '=', checkout.cart_token)] : []),
      ...(checkout.shop_customer_id ? [eb.and([eb('shop_customer_id', '=', checkout.shop_customer_id), eb('placed_at', '>=', checkout.platform_updated_at)])] : []),
      ...(checkout.email ? [eb.and([eb('email', '=', checkout.email), eb('placed_at', '>=', checkout.platform_updated_at)])] : []),
    ])).executeTakeFirst();
  return order !== undefined;
}

async function customerLanguage(db: Db, workspaceId: string, conversationId: string): Promise<string> {
  const last = await db.selectFrom('messages').select('language').where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in').where('language', 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (last?.language === 'en' || last?.language === 'fr') return last.language;
  const workspace = await db.selectFrom('workspaces').select('locale').where('id', '=', workspaceId).executeTakeFirst();
  return workspace?.locale === 'en' ? 'en' : 'fr';
}
