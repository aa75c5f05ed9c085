import { z } from 'zod';
import { reportPageQuery, reportPeriodQuery } from '../../contracts/index.ts';

/** `from`/`to`: ISO instants (`to` excluded), or local dates of the workspace (`to` the last day included). */
export const periodQuery = reportPeriodQuery;
export const pageQuery = reportPageQuery;
export const exportParam = z.strictObject({ id: z.string().min(1).max(64) });
