import { commitmentOf, drawFromCsv, SEED_PATTERN, type DrawResult } from './draw.ts';

export interface VerifyInput {
  entries: Buffer;
  seed: string;
  commitment: string;
  winners: number;
  alternates: number;
}

/**
 * What `relais contest verify` checks: the seed matches the commitment published before the
 * contest, then the draw is re-run on the file's exact bytes.
 */
export function verifyDraw(input: VerifyInput): { ok: true; result: DrawResult } | { ok: false; reason: string } {
  if (!SEED_PATTERN.test(input.seed)) return { ok: false, reason: 'the seed must be 64 lower-case hex characters' };
  const commitment = input.commitment.trim().toLowerCase();
  if (commitmentOf(input.seed) !== commitment) return { ok: false, reason: `sha256(seed) is ${commitmentOf(input.seed)}, not the commitment ${commitment}: this is not the committed seed` };
  return { ok: true, result: drawFromCsv(input.entries, input.seed, input.winners, input.alternates) };
}
