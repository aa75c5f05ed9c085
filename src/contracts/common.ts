import { z } from 'zod';

/** Ids are 26-character time-sortable strings; the edge accepts up to 64 for older or platform ids. */
export const id = z.string().min(1).max(64);
export const idParam = z.strictObject({ id });
/** Epoch milliseconds. */
export const epochMs = z.number();

/** Every error the API answers: `{"error":{"code","message","fields"?}}`. */
export const errorBody = z.object({
  error: z.object({
    code: z.string().meta({ example: 'request.invalid' }),
    message: z.string().meta({ example: 'Invalid request: email: Enter a valid email address' }),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
}).meta({ id: 'Error' });

/** 202 answers of work handed to a job. */
export const queued = z.object({ status: z.literal('queued') });
/** 201 answers of something created, known by its id. */
export const created = z.object({ id });
