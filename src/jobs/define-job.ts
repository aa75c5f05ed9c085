import type { z } from 'zod';
import { AppError, parseInput } from '../kernel/index.ts';
import type { BatchHandler, EnqueueOptions, JobContext, Queue, WorkOptions } from './queue.ts';
import { periodicPayload, type PeriodicJob } from './periodic.ts';

/**
 * What a job carries: its queue name and the zod schema of its payload. Enqueuers need only
 * this (`enqueueJob`), so a module can export it without the dependencies its handler needs.
 *
 * @example export const sendJob = jobType('outbound.send', z.object({ workspaceId: id, outboundId: id }));
 */
export interface JobType<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
}

export const jobType = <S extends z.ZodType>(name: string, schema: S): JobType<S> => ({ name, schema });

/**
 * A job as its module exports it: the queue name, the zod schema of its payload and its
 * handler, which receives the payload already checked. Periodic jobs name how often they
 * are offered (`everyMs`; see `definePeriodicJob`).
 *
 * @example export const routingJobs = (inbox) => [defineJob({ ...assignJob, handler: async (payload) => autoAssign(inbox, payload.workspaceId, payload.conversationId) })];
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> extends JobType<S> {
  handler: (payload: z.infer<S>, job: JobContext) => Promise<void>;
  work?: WorkOptions;
  /**
   * Takes up to `size` jobs at once, oldest first, where the queue can (`Queue.workBatch`,
   * pg-boss); elsewhere `handler` runs them one at a time. Answers one outcome per job, in
   * order: a rejected job alone is retried.
   */
  batch?: { size: number; handler: (jobs: Array<{ payload: z.infer<S>; job: JobContext }>) => Promise<PromiseSettledResult<void>[]> };
  /** Offered every so many milliseconds by each worker, under a singleton key. */
  everyMs?: number;
}

/** For jobs that may run past the 30 s lease: pg-boss (no heartbeat) holds them 10 minutes. */
export const LONG_RUN: WorkOptions = { maxRunMs: 10 * 60_000 };

export const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> => definition;

/**
 * A job the workers offer every `everyMs` (sweeps, monitors, purges); it runs once per period
 * however many workers there are (ADR 0017).
 *
 * @example definePeriodicJob({ name: 'conversations.wake', everyMs: 60_000, handler: () => wakeSnoozed(inbox) })
 */
export function definePeriodicJob(definition: { name: string; everyMs: number; handler: (job: JobContext) => Promise<unknown>; work?: WorkOptions }): JobDefinition<typeof periodicPayload> {
  const { handler, ...rest } = definition;
  return { ...rest, schema: periodicPayload, handler: async (_payload, job) => { await handler(job); } };
}

/**
 * Registers the handler of each definition and answers the periodic ones, for the scheduler.
 * A payload that does not match its schema fails with `job.invalid_payload` naming the
 * fields; the queue parks it dead at once (a retry cannot mend it), and nothing ran on it.
 *
 * @example const periodic = registerJobs(queue, [...inboxJobs(inbox), ...commerceJobs(commerce)]);
 */
export function registerJobs(queue: Queue, definitions: readonly JobDefinition<any>[]): PeriodicJob[] {
  const names = new Set<string>();
  for (const definition of definitions) {
    if (names.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
    names.add(definition.name);
    if (definition.batch && queue.workBatch) queue.workBatch(definition.name, batchOf(definition, definition.batch.handler), { ...definition.work, batchSize: definition.batch.size });
    else queue.work(definition.name, async (payload, job) => definition.handler(checkPayload(definition, payload), job), definition.work);
  }
  return definitions.flatMap((definition) => (definition.everyMs ? [{ queue: definition.name, everyMs: definition.everyMs }] : []));
}

/** A batch handler over checked payloads: a malformed job is rejected alone, the others are handled. */
function batchOf<S extends z.ZodType>(type: JobType<S>, handler: NonNullable<JobDefinition<S>['batch']>['handler']): BatchHandler {
  return async (jobs) => {
    const outcomes: PromiseSettledResult<void>[] = [];
    const valid: Array<{ index: number; payload: z.infer<S>; job: JobContext }> = [];
    for (const [index, { payload, job }] of jobs.entries()) {
      try {
        valid.push({ index, payload: checkPayload(type, payload), job });
        outcomes.push({ status: 'fulfilled', value: undefined });
      } catch (error) {
        outcomes.push({ status: 'rejected', reason: error });
      }
    }
    if (valid.length === 0) return outcomes;
    const answered = await handler(valid.map(({ payload, job }) => ({ payload, job })));
    for (const [k, { index }] of valid.entries()) outcomes[index] = answered[k] ?? { status: 'rejected', reason: new Error('no outcome for this job') };
    return outcomes;
  };
}

/** Enqueues after checking the payload against the job's schema: a malformed job is refused at once. */
export async function enqueueJob<S extends z.ZodType>(queue: Queue, type: JobType<S>, payload: z.input<S>, options?: EnqueueOptions): Promise<string | null> {
  checkPayload(type, payload);
  return queue.enqueue(type.name, payload, options);
}

function checkPayload<S extends z.ZodType>(type: JobType<S>, payload: unknown): z.infer<S> {
  try {
    return parseInput(type.schema, payload);
  } catch (error) {
    throw new AppError('job.invalid_payload', `Malformed ${type.name} payload: ${(error as Error).message.replace(/^Invalid request: /, '')}`);
  }
}

/** A failure no retry can mend (a malformed payload): the queue parks the job dead at once. */
export function failsForGood(error: unknown): boolean {
  return error instanceof AppError && error.code === 'job.invalid_payload';
}
