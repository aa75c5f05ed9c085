import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitmentOf, drawFromCsv } from './draw.ts';
import { entriesCsv, parseEntriesCsv, type CsvEntry } from './entries-csv.ts';
import { runContestCli } from './verify-cli.ts';

const EXAMPLE = 'entry_id,network,author_id,author_name,created_at\ne1,facebook,c1,Camille,2026-11-23T09:00:00.000Z\ne2,x,c2,"Durand, Inès",2026-11-23T09:01:00.000Z\ne3,instagram,c3,hugo_l,2026-11-23T09:02:00.000Z\n';
const EXAMPLE_SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

/**
 * An independent implementation, written from docs/contests.md alone and in another style:
 * Web Crypto, a hand-split CSV, bytes folded into a BigInt, recursion instead of a loop.
 */
async function independentDraw(csvText: string, seed: string, winners: number, alternates: number): Promise<string[]> {
  const bytes = new TextEncoder().encode(csvText);
  const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
  const entriesHash = hex(await crypto.subtle.digest('SHA-256', bytes));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(seed), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  // RFC 4180 rows: fields are either "quoted with "" inside" or plain up to the next comma.
  const rows = csvText.split('\n').slice(1, -1).map((line) => [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!)));
  const pick = async (pool: string[][], k: number, taken: string[]): Promise<string[]> => {
    if (taken.length === winners + alternates || pool.length === 0) return taken;
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${entriesHash}:${k}`)));
    const r = mac.reduce((acc, byte) => acc * 256n + BigInt(byte), 0n);
    const n = BigInt(pool.length);
    if (r >= ((2n ** 256n) / n) * n) return pick(pool, k + 1, taken);
    const index = Number(r % n);
    return pick(pool.filter((_, i) => i !== index), k + 1, [...taken, pool[index]![0]!]);
  };
  return pick(rows, 0, []);
}

function someEntries(count: number): CsvEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    entryId: `01ktest${String(i).padStart(4, '0')}`, network: ['facebook', 'instagram', 'x'][i % 3]!, authorId: `contact-${i}`,
    authorName: i % 7 === 0 ? `Nom, "surnom" ${i}` : `Personne ${i}`, createdAt: new Date(Date.UTC(2026, 10, 23, 9, i)).toISOString(),
  }));
}

const seedA = 'a'.repeat(63) + '1';
const seedB = 'a'.repeat(63) + '2';

describe('the contest draw', () => {
  it('gives the worked example of docs/contests.md, with Relais and with the independent implementation', async () => {
    expect(commitmentOf(EXAMPLE_SEED)).toBe('6c86c6aac5fb24bcf5d9939cb7d7d5645ce39418f449e03b262dd4fa14b4b92b');
    const ours = drawFromCsv(Buffer.from(EXAMPLE, 'utf8'), EXAMPLE_SEED, 1, 1);
    expect(ours.entriesHash).toBe('3c699ffc3985e48204eaf28188605a8bdde78b23008b47bc12e685a868dedd64');
    expect(ours.picks.map((p) => `${p.role} ${p.rank}: ${p.entry.entryId} ${p.entry.authorName}`)).toEqual(['winner 1: e1 Camille', 'alternate 1: e2 Durand, Inès']);
    expect(await independentDraw(EXAMPLE, EXAMPLE_SEED, 1, 1)).toEqual(['e1', 'e2']);
  });

  it('writes entries.csv sorted by entry id with RFC 4180 quoting, and reads it back', () => {
    const csv = entriesCsv([
      { entryId: 'b', network: 'x', authorId: 'c2', authorName: 'Line\nbreak', createdAt: '2026-11-23T09:00:00.000Z' },
      { entryId: 'a', network: 'facebook', authorId: 'c1', authorName: 'Dupont, "Cami"', createdAt: '2026-11-23T09:00:00.000Z' },
    ]);
    expect(csv).toBe('entry_id,network,author_id,author_name,created_at\na,facebook,c1,"Dupont, ""Cami""",2026-11-23T09:00:00.000Z\nb,x,c2,"Line\nbreak",2026-11-23T09:00:00.000Z\n');
    expect(parseEntriesCsv(csv).map((e) => e.authorName)).toEqual(['Dupont, "Cami"', 'Line\nbreak']);
  });

  it('agrees with the independent implementation on 200 entries, and a changed entry or seed changes the result', async () => {
    const csv = entriesCsv(someEntries(200));
    const ours = drawFromCsv(Buffer.from(csv, 'utf8'), seedA, 5, 3).picks.map((p) => p.entry.entryId);
    expect(ours).toHaveLength(8);
    expect(new Set(ours).size).toBe(8);
    expect(await independentDraw(csv, seedA, 5, 3)).toEqual(ours);

    const otherSeed = drawFromCsv(Buffer.from(csv, 'utf8'), seedB, 5, 3).picks.map((p) => p.entry.entryId);
    expect(otherSeed).not.toEqual(ours);
    const changed = someEntries(200);
    changed[150] = { ...changed[150]!, authorName: 'Personne 150 bis' };
    const otherEntries = drawFromCsv(Buffer.from(entriesCsv(changed), 'utf8'), seedA, 5, 3).picks.map((p) => p.entry.entryId);
    expect(otherEntries).not.toEqual(ours);
  });

  it('stops when the pool is empty: winners first, then alternates', () => {
    const picks = drawFromCsv(Buffer.from(entriesCsv(someEntries(3)), 'utf8'), seedA, 2, 5).picks;
    expect(picks.map((p) => `${p.role}${p.rank}`)).toEqual(['winner1', 'winner2', 'alternate1']);
  });

  it('relais contest verify prints the winners, and refuses a seed that is not the committed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-verify-'));
    try {
      const file = join(dir, 'entries.csv');
      writeFileSync(file, EXAMPLE);
      const run = (...args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const status = runContestCli(['verify', '--entries', file, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
        return { status, stdout: out.join('\n'), stderr: err.join('\n') };
      };
      const ok = run('--seed', EXAMPLE_SEED, '--commitment', commitmentOf(EXAMPLE_SEED), '--winners', '1', '--alternates', '1');
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('winner 1: e1 facebook Camille');
      expect(ok.stdout).toContain('alternate 1: e2 x Durand, Inès');
      const wrong = run('--seed', 'f'.repeat(64), '--commitment', commitmentOf(EXAMPLE_SEED), '--winners', '1');
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain('not the committed seed');
      expect(run('--seed', EXAMPLE_SEED, '--commitment', commitmentOf(EXAMPLE_SEED)).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
