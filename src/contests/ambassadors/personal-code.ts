import { createHash } from 'node:crypto';
import { loadChannelContext } from '../../channels/index.ts';
import { AppError, newId } from '../../kernel/index.ts';
import { isUniqueViolation } from '../../store/index.ts';
import type { ContestsDeps } from '../deps.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const YEAR = 365 * 86_400_000;
/** Many people may use an ambassador's code (once each): that is its point. */
const USES = 1000;

/** `CAMILLE-7KQ2`: the first name, folded to A–Z, and four characters derived from the contact. */
export function ambassadorCodeFor(name: string | null, contactId: string): string {
  const first = (name ?? '').normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().split(/[^A-Z]+/).find((part) => part.length > 0)?.slice(0, 10) ?? 'AMBASSADEUR';
  const digest = createHash('sha256').update(`relais-ambassador:${contactId}`).digest();
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += ALPHABET[digest[i]! % ALPHABET.length];
  return `${first}-${suffix}`;
}

/**
 * The ambassador's personal promo code, created at the shop in one click through the
 * shop's adapter (as cart recovery creates its codes): the `promo_codes` row first (unique
 * per code), then the shop's API; a refusal removes the row. Tied to the social channel the
 * person speaks on, so orders with the code show in the attribution report, per ambassador.
 * Asked again, the existing code is returned.
 */
export async function createAmbassadorCode(deps: ContestsDeps, workspaceId: string, contactId: string, input: { shopChannelId: string; percent: number }) {
  const { db } = deps;
  const contact = await db.selectFrom('contacts').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) throw new AppError('contact.not_found', 'Contact not found');
  const shop = await loadChannelContext(deps, workspaceId, input.shopChannelId);
  const adapter = deps.shops(shop.kind);
  if (!adapter) throw new AppError('ambassador.no_shop', 'Personal codes are created at a connected shop (Shopify or WooCommerce)');
  const existing = await db.selectFrom('ambassador_codes as k').innerJoin('promo_codes as p', (j) => j.onRef('p.workspace_id', '=', 'k.workspace_id').onRef('p.id', '=', 'k.promo_code_id'))
    .select(['p.id', 'p.code', 'p.percent']).where('k.workspace_id', '=', workspaceId).where('k.contact_id', '=', contactId).where('p.channel_id', '=', shop.id).executeTakeFirst();
  if (existing) return { id: existing.id, code: existing.code, percent: existing.percent ?? input.percent, created: false };

  const now = deps.clock.now();
  const speaksOn = await db.selectFrom('messages').select('channel_id').where('workspace_id', '=', workspaceId).where('author_id', '=', contactId).where('direction', '=', 'in')
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const code = ambassadorCodeFor(contact.name, contactId);
  const id = newId(now);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('promo_codes').values({
        workspace_id: workspaceId, id, channel_id: shop.id, code, origin: 'relais', percent: input.percent, expires_at: now + YEAR, external_id: null,
        source_channel_id: speaksOn?.channel_id ?? null, post_id: null, agent_id: null, conversation_id: null, checkout_id: null, created_at: now,
      }).execute();
      await trx.insertInto('ambassador_codes').values({ workspace_id: workspaceId, contact_id: contactId, promo_code_id: id, created_at: now }).execute();
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('promo_code.created_by_relais', `The code ${code} exists already at this shop`);
    throw error;
  }
  try {
    const created = await adapter.createPromoCode({ channelId: shop.id, workspaceId, externalId: shop.externalId ?? '', apiBase: shop.apiBase, credentials: shop.credentials, settings: shop.settings }, { code, percent: input.percent, expiresAt: now + YEAR, usageLimit: USES });
    await db.updateTable('promo_codes').set({ external_id: created.externalId }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  } catch (error) {
    await db.deleteFrom('ambassador_codes').where('workspace_id', '=', workspaceId).where('promo_code_id', '=', id).execute();
    await db.deleteFrom('promo_codes').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    throw new AppError('ambassador.shop_refused', `The shop refused the code: ${(error as Error).message}`, { cause: error });
  }
  return { id, code, percent: input.percent, created: true };
}
