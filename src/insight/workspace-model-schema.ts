/**
 * A stored workspace model is read back through this check: a row edited by hand or written
 * by another version must fail loudly at load, not mislead every classification after it.
 */
import { z } from 'zod';
import { HASH_BITS } from './hashed-features.ts';
import type { WorkspaceModel } from './workspace-model.ts';

const finite = z.number().finite();

const schema = z.object({
  format: z.literal('relais.workspace-model'),
  version: z.literal(1),
  // Features hashed into another number of buckets would land on the wrong weights.
  hashBits: z.literal(HASH_BITS),
  sentiment: z.object({
    examples: z.number().int().min(0),
    measured: z.object({ folds: z.number().int(), defaultMacroF1: finite, modelMacroF1: finite }).optional(),
    bias: z.array(finite).length(3),
    base: z.array(z.array(finite).length(4)).length(3),
    weights: z.record(z.string(), z.array(finite).length(3)),
  }),
  intents: z.record(z.string(), z.object({
    positives: z.number().int().min(0),
    negatives: z.number().int().min(0),
    bias: finite,
    base: finite,
    weights: z.record(z.string(), finite),
  })),
});

/**
 * Validates a model read from storage (parsed JSON).
 *
 * @example parseWorkspaceModel(JSON.parse(row.model_json))
 */
export function parseWorkspaceModel(value: unknown): WorkspaceModel {
  return schema.parse(value);
}
