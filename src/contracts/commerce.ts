import { z } from 'zod';
import { say } from '../kernel/index.ts';
import { epochMs, id, idParam } from './common.ts';

// Requests (moved from src/http/routes/commerce.validators.ts and shops.validators.ts).
const day = z.iso.date();
const apiBase = z.url().max(500).optional();

export const attributionQuery = z.strictObject({ from: day, to: day });
export const optOutBody = z.strictObject({ optedOut: z.boolean() });
export const previewBody = z.strictObject({
  template: z.string().min(1).max(1000),
  language: z.enum(['fr', 'en']).default('fr'),
  promoPercent: z.number().int().min(1).max(90).nullable().default(null),
  promoExpiryDays: z.number().int().min(1).max(90).default(7),
});
export const contactParam = idParam;
export const eraseBody = z.strictObject({ confirm: z.literal(true) });
export const ordersQuery = z.strictObject({
  email: z.email().max(254).optional(),
  contact_id: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).refine((query) => Boolean(query.email) !== Boolean(query.contact_id), { ...say('Donnez soit l’e-mail, soit le contact.', 'Give either email or contact_id.'), path: ['email'] });
export const shopLinkBody = z.union([z.strictObject({ shopCustomerId: id }), z.strictObject({ orderId: id })]);
export const shopLinkParams = z.strictObject({ id, shopCustomerId: id });
/** The console's connect form: the same fields as `relais channel add shopify|woocommerce`. */
export const shopBody = z.discriminatedUnion('platform', [
  z.strictObject({ platform: z.literal('shopify'), shopDomain: z.string().trim().min(3).max(255), accessToken: z.string().min(8).max(500), apiBase }),
  z.strictObject({
    platform: z.literal('woocommerce'), siteUrl: z.url().max(500), consumerKey: z.string().min(3).max(200), consumerSecret: z.string().min(3).max(200),
    webhookSecret: z.string().min(8).max(200), apiBase,
  }),
]);

/** Carts untouched for longer than this are history, not abandoned carts: no message. */
export const RECOVERY_HORIZON_MS = 48 * 3_600_000;
/** The longest delay: an hour short of the horizon, so a cart has time to be found abandoned. */
export const MAX_DELAY_MINUTES = RECOVERY_HORIZON_MS / 60_000 - 60;
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');
const timeZone = z.string().min(1).max(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

/** What an admin edits on the recovery settings page (also the answer of GET). */
export const recoverySettings = z.object({
  enabled: z.boolean(),
  delayMinutes: z.number().int().min(15).max(MAX_DELAY_MINUTES),
  templateFr: z.string().trim().min(1).max(1000).refine((t) => t.includes('{link}'), 'the template must contain {link}'),
  templateEn: z.string().trim().min(1).max(1000).refine((t) => t.includes('{link}'), 'the template must contain {link}'),
  promoPercent: z.number().int().min(1).max(90).nullable(),
  promoExpiryDays: z.number().int().min(1).max(90),
  quietStart: clockTime,
  quietEnd: clockTime,
  timezone: timeZone,
}).strict().meta({ id: 'RecoverySettings' });

export const mapPromoCodeBody = z.object({
  shopChannelId: id,
  code: z.string().trim().min(2).max(64).regex(/^[\p{L}\p{N}_-]+$/u, say('Lettres, chiffres, - et _ uniquement.', 'Letters, digits, - and _ only.')).transform((code) => code.toUpperCase()),
  sourceChannelId: id.nullable().default(null),
  postId: id.nullable().default(null),
  agentId: id.nullable().default(null),
}).strict().refine((input) => input.sourceChannelId ?? input.postId ?? input.agentId, 'map the code to a channel, a post or an agent');

// Responses.
const reportRow = z.object({ key: z.string(), label: z.string(), currency: z.string(), orders: z.number(), revenueCents: z.number() });
export const attributionReport = z.object({
  from: epochMs, to: epochMs,
  totals: z.array(z.object({ currency: z.string(), orders: z.number(), revenueCents: z.number() })),
  byChannel: z.array(reportRow), byModel: z.array(reportRow), byAgent: z.array(reportRow),
  byAmbassador: z.array(reportRow), byPost: z.array(reportRow), byCampaign: z.array(reportRow),
}).meta({ id: 'AttributionReport' });
export const promoCode = z.object({
  id, shopChannelId: z.string(), code: z.string(), origin: z.enum(['relais', 'mapped']), percent: z.number().nullable(),
  sourceChannelId: z.string().nullable(), postId: z.string().nullable(), agentId: z.string().nullable(), createdAt: epochMs,
}).meta({ id: 'PromoCode' });
export const orderStatus = z.enum(['open', 'paid', 'fulfilled', 'cancelled', 'refunded']);
const lineItem = z.object({ title: z.string(), quantity: z.number(), priceCents: z.number(), sku: z.string().nullable() });
export const order = z.looseObject({
  id, channelId: z.string(), number: z.string(), status: orderStatus, financialStatus: z.string().nullable(), fulfillmentStatus: z.string().nullable(),
  totalCents: z.number(), currency: z.string(), items: z.array(lineItem), trackingUrl: z.string().nullable(), discountCodes: z.array(z.string()), placedAt: epochMs,
}).meta({ id: 'Order' });
export const openCart = z.looseObject({ id, channelId: z.string(), totalCents: z.number(), currency: z.string(), items: z.array(lineItem), recoveryUrl: z.string().nullable(), updatedAt: epochMs });
export const customerCommerce = z.object({
  shopCustomers: z.array(z.looseObject({ id, channelId: z.string(), email: z.string().nullable(), phone: z.string().nullable(), name: z.string().nullable(), linkMethod: z.string().nullable() })),
  orders: z.array(order),
  openCarts: z.array(openCart),
  lifetimeValue: z.object({ cents: z.number(), currency: z.string().nullable(), orders: z.number() }),
  firstOrderAt: epochMs.nullable(),
  lastOrderAt: epochMs.nullable(),
}).meta({ id: 'CustomerCommerce' });
export const linkSuggestion = z.object({
  orderId: id, number: z.string(), shopCustomerId: z.string().nullable(), customerName: z.string().nullable(), email: z.string().nullable(),
  totalCents: z.number(), currency: z.string(), placedAt: epochMs, messageId: z.string(),
});
export const shopLink = z.object({ shopCustomerId: z.string().nullable(), method: z.string() });
export const erasure = z.looseObject({ contacts: z.number(), conversations: z.number(), messages: z.number(), orders: z.number() });
export const privacyExportSummary = z.object({ id, source: z.enum(['admin', 'shop']), topic: z.string(), contacts: z.number(), createdAt: epochMs });
/** An export document: everything held on the person, as stored (see docs/adr/0010). */
export const privacyExport = z.looseObject({}).meta({ id: 'PrivacyExport' });

/** How long a workspace keeps conversations (docs/adr/0010). */
export const retentionBody = z.strictObject({
  /** Months to keep; null keeps everything (the default). */
  months: z.number().int().min(1).max(120).nullable(),
});
export const retentionView = z.object({ months: z.number().nullable(), version: z.number(), updatedAt: epochMs.nullable() }).meta({ id: 'Retention' });
export type RetentionView = z.infer<typeof retentionView>;

export type RecoverySettings = z.infer<typeof recoverySettings>;
export type MapPromoCode = z.infer<typeof mapPromoCodeBody>;
export type ReportRow = z.infer<typeof reportRow>;
export type AttributionReport = z.infer<typeof attributionReport>;
export type PromoCode = z.infer<typeof promoCode>;
export type OrderStatus = z.infer<typeof orderStatus>;
export type LineItem = z.infer<typeof lineItem>;
export type Order = z.infer<typeof order>;
export type OpenCart = z.infer<typeof openCart>;
export type CustomerCommerce = z.infer<typeof customerCommerce>;
export type LinkSuggestion = z.infer<typeof linkSuggestion>;
export type ShopInput = z.input<typeof shopBody>;
export type PrivacyExportSummary = z.infer<typeof privacyExportSummary>;
