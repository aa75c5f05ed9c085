import { z } from 'zod';
import { say } from '../../kernel/index.ts';

const id = z.string().min(1).max(64);
const apiBase = z.url().max(500).optional();

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
