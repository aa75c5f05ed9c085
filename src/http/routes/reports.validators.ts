import { z } from 'zod';

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
/** `from`/`to`: ISO instants (`to` excluded), or local dates of the workspace (`to` the last day included). */
export const periodQuery = z.object({ from: instant, to: instant, channelId: z.string().min(1).max(64).optional() });
export const pageQuery = z.object({ offset: z.coerce.number().int().min(0).max(10_000_000).default(0), limit: z.coerce.number().int().min(1).max(500).default(50) });
export const exportParam = z.strictObject({ id: z.string().min(1).max(64) });
