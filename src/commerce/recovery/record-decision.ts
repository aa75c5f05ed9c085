import { newId } from '../../kernel/index.ts';
import { publishEvent } from '../../realtime/index.ts';
import type { RecoveryDeps, RecoveryOutcome } from './recovery-deps.ts';

const reasonText: Record<'fr' | 'en', Record<RecoveryOutcome['reason'], string>> = {
  fr: {
    sent: 'relance de panier envoyée', disabled: 'relance de panier non envoyée : relances désactivées', ordered: 'relance de panier non envoyée : la commande est arrivée',
    already_sent: 'relance de panier non envoyée : déjà envoyée pour ce panier', opted_out: 'relance de panier non envoyée : le client a refusé les messages',
    no_channel: 'relance de panier non envoyée : aucun canal privé', window_closed: 'relance de panier non envoyée : fenêtre de réponse fermée', quiet_hours: 'relance de panier non envoyée : heures calmes',
  },
  en: {
    sent: 'cart recovery sent', disabled: 'cart recovery skipped: recovery is off', ordered: 'cart recovery skipped: the order came in',
    already_sent: 'cart recovery skipped: already sent for this cart', opted_out: 'cart recovery skipped: the customer opted out',
    no_channel: 'cart recovery skipped: no private channel', window_closed: 'cart recovery skipped: the reply window is closed', quiet_hours: 'cart recovery skipped: quiet hours',
  },
};

/**
 * Writes the decision and, when it has a conversation, a system note there (meta.system =
 * 'recovery', which the console shows as a timeline event in the agent's language).
 */
export async function recordDecision(deps: RecoveryDeps, workspaceId: string, checkoutId: string, decision: RecoveryOutcome & { promoCodeId?: string | null }): Promise<RecoveryOutcome> {
  const { db, clock, bus } = deps;
  const now = clock.now();
  const id = newId(now);
  const conversation = decision.conversationId
    ? await db.selectFrom('conversations').select('channel_id').where('workspace_id', '=', workspaceId).where('id', '=', decision.conversationId).executeTakeFirst()
    : undefined;
  const workspace = await db.selectFrom('workspaces').select('locale').where('id', '=', workspaceId).executeTakeFirst();
  const noteId = newId(now);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('recovery_decisions').values({
      workspace_id: workspaceId, id, checkout_id: checkoutId, conversation_id: decision.conversationId, outcome: decision.outcome, reason: decision.reason,
      message_id: decision.messageId, promo_code_id: decision.promoCodeId ?? null, created_at: now,
    }).execute();
    if (!conversation) return;
    const words = reasonText[workspace?.locale === 'en' ? 'en' : 'fr'][decision.reason];
    await trx.insertInto('messages').values({
      workspace_id: workspaceId, id: noteId, conversation_id: decision.conversationId!, channel_id: conversation.channel_id, direction: 'out', kind: 'note',
      author_type: 'bot', author_id: null, text: decision.promoCode ? `${words} (${decision.promoCode})` : words, external_id: null, attachments: '[]',
      meta: JSON.stringify({ system: 'recovery', outcome: decision.outcome, reason: decision.reason, checkoutId, promoCode: decision.promoCode, decisionId: id }),
      platform_created_at: null, created_at: now, edited_at: null, platform_updated_at: null, reply_to_external_id: null,
    }).execute();
  });
  await publishEvent(bus, { workspaceId, type: 'recovery.decided', data: { checkoutId, conversationId: decision.conversationId, outcome: decision.outcome, reason: decision.reason } });
  if (conversation) await publishEvent(bus, { workspaceId, type: 'message.created', data: { conversationId: decision.conversationId!, messageId: noteId, direction: 'out' } });
  return { outcome: decision.outcome, reason: decision.reason, conversationId: decision.conversationId, messageId: decision.messageId, promoCode: decision.promoCode };
}
