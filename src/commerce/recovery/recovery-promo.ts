import { createHash } from 'node:crypto';
import { loadChannelContext } from '../../channels/index.ts';
import { newId } from '../../kernel/index.ts';
import { isUniqueViolation } from '../../store/index.ts';
import type { RecoveryDeps } from './recovery-deps.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DAY = 86_400_000;

/** The one code a checkout may get: derived from its id, so a retry names the same code. */
export function recoveryCodeFor(checkoutId: string): string {
  const digest = createHash('sha256').update(`relais-recovery:${checkoutId}`).digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[digest[i]! % ALPHABET.length];
  return `RELAIS-${code}`;
}

export interface RecoveryPromo {
  id: string;
  code: string;
  percent: number;
  expiresAt: number;
}

/**
 * A one-time code for this checkout, created at the shop through its adapter. The promo_codes
 * row is written first and is unique per code, so two deciders never create two codes; when
 * the shop refuses, the row goes and the message leaves the code out.
 */
export async function ensureRecoveryPromo(deps: RecoveryDeps, input: { workspaceId: string; checkoutId: string; shopChannelId: string; conversationId: string; socialChannelId: string; percent: number; expiryDays: number }): Promise<RecoveryPromo | null> {
  const { db, clock, logger } = deps;
  const now = clock.now();
  const code = recoveryCodeFor(input.checkoutId);
  const existing = () => db.selectFrom('promo_codes').select(['id', 'code', 'percent', 'expires_at']).where('workspace_id', '=', input.workspaceId).where('checkout_id', '=', input.checkoutId).executeTakeFirst();
  const found = await existing();
  if (found) return { id: found.id, code: found.code, percent: found.percent ?? input.percent, expiresAt: found.expires_at ?? now };

  const shop = await loadChannelContext(deps, input.workspaceId, input.shopChannelId);
  const adapter = deps.shops(shop.kind);
  if (!adapter) return null;
  const id = newId(now);
  const expiresAt = now + input.expiryDays * DAY;
  try {
    await db.insertInto('promo_codes').values({
      workspace_id: input.workspaceId, id, channel_id: input.shopChannelId, code, origin: 'relais', percent: input.percent, expires_at: expiresAt, external_id: null,
      source_channel_id: input.socialChannelId, post_id: null, agent_id: null, conversation_id: input.conversationId, checkout_id: input.checkoutId, created_at: now,
    }).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existing();
    return raced ? { id: raced.id, code: raced.code, percent: raced.percent ?? input.percent, expiresAt: raced.expires_at ?? expiresAt } : null;
  }
  try {
    const context = { channelId: shop.id, workspaceId: shop.workspaceId, externalId: shop.externalId ?? '', apiBase: shop.apiBase, credentials: shop.credentials, settings: shop.settings };
    const created = await adapter.createPromoCode(context, { code, percent: input.percent, expiresAt, usageLimit: 1 });
    await db.updateTable('promo_codes').set({ external_id: created.externalId }).where('workspace_id', '=', input.workspaceId).where('id', '=', id).execute();
    return { id, code, percent: input.percent, expiresAt };
  } catch (error) {
    logger.warn({ err: error, checkoutId: input.checkoutId }, 'the shop refused the recovery promo code; sending without one');
    await db.deleteFrom('promo_codes').where('workspace_id', '=', input.workspaceId).where('id', '=', id).execute();
    return null;
  }
}
