import type { Clock, Logger } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { z } from 'zod';
import type { JobHandler, Queue } from './queue.ts';

export interface PeriodicJob {
  queue: string;
  everyMs: number;
}

const KEEP_SLOTS = 1000;

/**
 * The payload of a periodic job: the scheduler's slot (`schedulePeriodic`), or nothing when
 * someone asks for a run now.
 */
export const periodicPayload = z.object({ slot: z.number().int().optional() }).nullable();

/**
 * Periodic jobs (SLA monitor, cart recovery, reconciliation, …) run once per period whatever
 * the number of workers (ADR 0017). The period is a slot of wall-clock time; every worker
 * offers the slot's job (twice a period, so no slot goes unoffered when timers drift), keyed by
 * the slot so the queue keeps one; and the job that runs first claims the slot in
 * `periodic_runs`, so a second job for the same slot (offered after the first finished) does
 * nothing. A retry of the claiming job (its worker died) keeps the claim and runs again.
 *
 * @example const periodic = schedulePeriodic({ db, queue, clock, logger }, [{ queue: 'sla.monitor', everyMs: 60_000 }]);
 */
export function schedulePeriodic(deps: { db: Db; queue: Queue; clock: Clock; logger?: Logger }, jobs: PeriodicJob[]): { start(): Promise<void>; stop(): void } {
  const timers: NodeJS.Timeout[] = [];
  const offer = (job: PeriodicJob) => {
    const slot = Math.floor(deps.clock.now() / job.everyMs);
    return deps.queue.enqueue(job.queue, { slot }, { singletonKey: `periodic:${slot}` })
      .catch((error: unknown) => deps.logger?.error({ err: error, job: job.queue }, 'scheduling failed'));
  };
  return {
    async start() {
      for (const job of jobs) {
        await offer(job);
        const timer = setInterval(() => void offer(job), Math.max(1000, Math.floor(job.everyMs / 2)));
        timer.unref();
        timers.push(timer);
      }
    },
    stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
    },
  };
}

/**
 * Wraps a periodic job's handler: it runs only for the job that claimed its slot.
 *
 * @example queue.work('sla.monitor', oncePerSlot(db, clock, 'sla.monitor', 60_000, monitor));
 */
export function oncePerSlot(deps: { db: Db; clock: Clock; logger?: Logger }, queue: string, everyMs: number, handler: JobHandler): JobHandler {
  return async (payload, job) => {
    const read = periodicPayload.safeParse(payload);
    const given = read.success ? read.data?.slot : undefined;
    // Only the scheduler's offers name a slot; a job queued by hand (an admin, a test, a
    // follow-up) asks for a run now and is not folded into this period's.
    if (typeof given !== 'number' || !Number.isInteger(given)) return handler(payload, job);
    const slot = given;
    await deps.db.insertInto('periodic_runs').values({ queue, slot, job_id: job.id, claimed_at: deps.clock.now() })
      .onConflict((oc) => oc.columns(['queue', 'slot']).doNothing()).execute();
    const claim = await deps.db.selectFrom('periodic_runs').select('job_id').where('queue', '=', queue).where('slot', '=', slot).executeTakeFirst();
    if (claim?.job_id !== job.id) {
      deps.logger?.debug({ queue, slot }, 'periodic job already run for this period');
      return;
    }
    if (slot % 100 === 0) await deps.db.deleteFrom('periodic_runs').where('queue', '=', queue).where('slot', '<', slot - KEEP_SLOTS).execute();
    await handler(payload, job);
  };
}

/**
 * The queue with every handler of a periodic job (named in `everyMs`, filled by the caller
 * before `start()`) wrapped by `oncePerSlot`; other queues are untouched.
 */
export function withPeriodicSlots(queue: Queue, deps: { db: Db; clock: Clock; logger?: Logger }, everyMs: ReadonlyMap<string, number>): Queue {
  return {
    ...queue,
    driver: queue.driver,
    work(name, handler, options) {
      queue.work(name, (payload, job) => {
        const every = everyMs.get(name);
        return every ? oncePerSlot(deps, name, every, handler)(payload, job) : handler(payload, job);
      }, options);
    },
  };
}
