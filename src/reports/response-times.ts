import type { Db } from '../store/index.ts';
import { durationFigures } from './durations.ts';
import type { Summary } from './percentile.ts';
import type { ReportQuery } from './report-period.ts';

export interface ResponseTimes {
  from: number;
  to: number;
  /** Conversations whose first customer message is in the period. */
  conversations: number;
  responded: number;
  firstResponse: { calendar: Summary; business: Summary };
}

/**
 * First response times of the conversations whose first customer message is in `[from, to)`
 * (docs/metrics.md), exact to the millisecond, from the duration histograms and the fact
 * tables (`durationFigures`).
 *
 * @example await responseTimes(db, 'postgres', { workspaceId, from, to })
 */
export async function responseTimes(db: Db, dialect: 'sqlite' | 'postgres', query: ReportQuery): Promise<ResponseTimes> {
  const figures = await durationFigures(db, dialect, query, ['conversations', 'first_calendar', 'first_business']);
  return {
    from: query.from, to: query.to, conversations: figures.get('conversations')!.count, responded: figures.get('first_calendar')!.count,
    firstResponse: { calendar: figures.get('first_calendar')!.summary, business: figures.get('first_business')!.summary },
  };
}
