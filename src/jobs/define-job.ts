import type { z } from 'zod';
import { AppError, parseInput } from '../kernel/index.ts';
import type { EnqueueOptions, JobContext, Queue, WorkOptions } from './queue.ts';

/**
 * A job as its module exports it: the queue name, the zod schema of its payload and its
 * handler, which receives the payload already checked. Periodic jobs name how often they
 * are offered (`everyMs`).
 *
 * @example export const routingAssignJob = defineJob({ name: 'routing.assign', schema: z.object({ workspaceId: z.string() }), handler: async (payload) => … });
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  handler: (payload: z.infer<S>, job: JobContext) => Promise<void>;
  work?: WorkOptions;
  /** Offered every so many milliseconds by each worker, under a singleton key. */
  everyMs?: number;
}

export const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> => definition;

/**
 * Registers the handler of each definition. A payload that does not match its schema fails
 * with `job.invalid_payload` naming the fields, so once its attempts are spent it lies dead
 * with that reason, and nothing ran on it.
 */
export function registerJobs(queue: Queue, definitions: readonly JobDefinition<any>[]): void {
  for (const definition of definitions) {
    queue.work(definition.name, async (payload, job) => definition.handler(checkPayload(definition, payload), job), definition.work);
  }
}

/** Enqueues after checking the payload against the definition: a malformed job is refused at once. */
export async function enqueueJob<S extends z.ZodType>(queue: Queue, definition: JobDefinition<S>, payload: z.input<S>, options?: EnqueueOptions): Promise<string | null> {
  checkPayload(definition, payload);
  return queue.enqueue(definition.name, payload, options);
}

function checkPayload<S extends z.ZodType>(definition: JobDefinition<S>, payload: unknown): z.infer<S> {
  try {
    return parseInput(definition.schema, payload);
  } catch (error) {
    throw new AppError('job.invalid_payload', `Malformed ${definition.name} payload: ${(error as Error).message.replace(/^Invalid request: /, '')}`);
  }
}
