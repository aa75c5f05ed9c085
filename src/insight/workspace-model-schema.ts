/**
 * A stored workspace model is read back through this check: a row edited by hand or written
 * by another version must fail loudly at load, not mislead every classification after it.
 */
import { z } from 'zod';
import { HASH_BITS } from './hashed-features.ts';
import type { WorkspaceModel } from './workspace-model.ts';

const finite = z.number().finite();

const measured = z.object({ folds: z.number().int(), defaultMacroF1: finite, modelMacroF1: finite });
const intents = z.record(z.string(), z.object({
  positives: z.number().int().min(0),
  negatives: z.number().int().min(0),
  bias: finite,
  base: finite,
  weights: z.record(z.string(), finite),
}));
const header = {
  format: z.literal('relais.workspace-model'),
  // Features hashed into another number of buckets would land on the wrong weights.
  hashBits: z.literal(HASH_BITS),
  intents,
};

const schema = z.object({
  ...header,
  version: z.literal(2),
  sentiment: z.object({
    examples: z.number().int().min(0),
    measured: measured.optional(),
    // A feature index of the shipped model (`sentiment-features.ts`).
    delta: z.record(z.string().regex(/^\d{1,7}$/), z.array(finite).length(3)),
  }),
});

/** Version 1 stacked a separate sentiment model on the default's answer; its intents still hold. */
const version1 = z.object({
  ...header,
  version: z.literal(1),
  sentiment: z.object({ examples: z.number().int().min(0) }).loose(),
});

/**
 * Validates a model read from storage (parsed JSON). A version-1 model keeps its intents;
 * its sentiment counts as untrained (the default's) until the next retraining.
 *
 * @example parseWorkspaceModel(JSON.parse(row.model_json))
 */
export function parseWorkspaceModel(value: unknown): WorkspaceModel {
  const old = version1.safeParse(value);
  if (old.success) return { format: old.data.format, version: 2, hashBits: old.data.hashBits, intents: old.data.intents, sentiment: { examples: 0, delta: {} } };
  return schema.parse(value);
}
