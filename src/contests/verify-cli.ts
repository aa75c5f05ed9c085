import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyDraw } from './verify-draw.ts';

export const contestUsage = `Usage: relais contest verify --entries entries.csv --seed SEED --commitment HASH --winners N [--alternates M]

  Checks that sha256(SEED) is the commitment published when the contest opened, then re-runs
  the draw of docs/contests.md on the exact bytes of entries.csv and prints the winners.`;

/**
 * `relais contest verify`: reads no database and no configuration, so anyone with the proof
 * bundle can run it. Exit 0 with the picks; 1 when the seed does not match the commitment or
 * the file is malformed; 2 on a usage error.
 */
export function runContestCli(args: string[], io: { out: (line: string) => void; err: (line: string) => void } = { out: console.log, err: console.error }): number {
  const [sub, ...rest] = args;
  if (sub !== 'verify') {
    io.err(contestUsage);
    return 2;
  }
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args: rest, options: { entries: { type: 'string' }, seed: { type: 'string' }, commitment: { type: 'string' }, winners: { type: 'string' }, alternates: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${contestUsage}`);
    return 2;
  }
  const count = (value: string | undefined, fallback?: number) => (value === undefined ? fallback : /^\d+$/.test(value) ? Number(value) : undefined);
  const winners = count(values.winners);
  const alternates = count(values.alternates, 0);
  if (!values.entries || !values.seed || !values.commitment || winners === undefined || alternates === undefined) {
    io.err(contestUsage);
    return 2;
  }
  let entries: Buffer;
  try {
    entries = readFileSync(values.entries);
  } catch (error) {
    io.err(`Cannot read ${values.entries}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const verdict = verifyDraw({ entries, seed: values.seed, commitment: values.commitment, winners, alternates });
    if (!verdict.ok) {
      io.err(`FAILED: ${verdict.reason}`);
      return 1;
    }
    const { entriesHash, picks } = verdict.result;
    io.out(`commitment ok: sha256(seed) = ${values.commitment.toLowerCase()}`);
    io.out(`entries_hash ${entriesHash}`);
    for (const pick of picks) io.out(`${pick.role} ${pick.rank}: ${pick.entry.entryId} ${pick.entry.network} ${pick.entry.authorName}`);
    if (picks.length < winners + alternates) io.out(`(the pool ran out after ${picks.length} picks)`);
    return 0;
  } catch (error) {
    io.err(`FAILED: ${(error as Error).message}`);
    return 1;
  }
}
