import { z } from 'zod';

const id = z.string().min(1).max(64);
const day = z.iso.date();

export const attributionQuery = z.strictObject({ from: day, to: day });
export const optOutBody = z.strictObject({ optedOut: z.boolean() });
export const previewBody = z.strictObject({
  template: z.string().min(1).max(1000),
  language: z.enum(['fr', 'en']).default('fr'),
  promoPercent: z.number().int().min(1).max(90).nullable().default(null),
  promoExpiryDays: z.number().int().min(1).max(90).default(7),
});
export const contactParam = z.strictObject({ id });
export const eraseBody = z.strictObject({ confirm: z.literal(true) });
