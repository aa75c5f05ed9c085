import { z } from 'zod';

/** The report routes' own path parameter; their period, page and drill schemas are the contracts' (src/contracts/reports.ts). */
export const exportParam = z.strictObject({ id: z.string().min(1).max(64) });
