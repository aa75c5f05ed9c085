import { definePeriodicJob, type JobDefinition } from '../jobs/index.ts';
import type { Logger } from '../kernel/index.ts';
import type { AccountsDeps } from './deps.ts';
import { purgeExpiredSessions } from './sessions.ts';
import { purgeThrottleCounters } from './throttle.ts';

const PURGE_SESSIONS_EVERY_MS = 60 * 60_000;

/** Accounts' jobs: every hour, expired sessions and stale throttle counters go. */
export function accountsJobs(accounts: AccountsDeps, logger: Logger): JobDefinition<any>[] {
  return [
    definePeriodicJob({
      name: 'sessions.purge',
      everyMs: PURGE_SESSIONS_EVERY_MS,
      handler: async () => {
        const purged = await purgeExpiredSessions(accounts);
        await purgeThrottleCounters(accounts.db, accounts.clock.now());
        if (purged > 0) logger.info({ purged }, 'expired sessions purged');
      },
    }),
  ];
}
