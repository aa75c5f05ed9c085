/** Input shapes the shop platforms' control APIs share. */
import { z } from 'zod';

export const shopDelivery = z.object({
  duplicate: z.boolean().optional(), hold: z.boolean().optional(), drop: z.boolean().optional(), badSignature: z.boolean().optional(),
}).optional();

/** A price as the platforms write it: "89.00". */
export const price = z.string().regex(/^\d+(\.\d{1,2})?$/, 'a price such as "89.00"');
