import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as contracts from '../contracts/index.ts';
import type {
  ambassadorLeaderboard, createAmbassadorCode, getContest, listCandidatePosts, listContests, listEntries, listExclusions, listWinners, proofBundle, refreshEntries, runDraw, saveAmbassadorThreshold,
} from '../contests/index.ts';
import type { listAudit } from '../accounts/index.ts';
import type { moderationRegister } from '../inbox/index.ts';
import type { careReport, commerceReport, drillDown, exportStatus, responseTimes, sentimentReport } from '../reports/index.ts';

// Answers are serialised through their contract (http/contract-schemas.ts): a key the use-case
// returns and the contract does not name would silently vanish, and one the contract names
// that the use-case lacks would be a 500. `tsc` (the typecheck step of `npm test`) holds each
// use-case's result type equal to its contract's, so the two cannot drift apart.
type Result<F extends (...args: any[]) => unknown> = Awaited<ReturnType<F>>;
// Each assignable to the other: no key missing on either side, no value wider on either side.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The top-level keys on which a result and its contract differ (`never` when they agree). */
type Drift<A, B> = Same<A, B> extends true ? never : { [K in keyof A | keyof B]: K extends keyof A ? (K extends keyof B ? (Same<A[K], B[K]> extends true ? never : K) : K) : K }[keyof A | keyof B] | (Same<A, B> extends true ? never : 'the whole');
const agree = <A, B>() => expectTypeOf<Drift<A, B>>();

describe('use-case results equal their contracts', () => {
  it('contests and ambassadors', () => {
    agree<Result<typeof listContests>[number], z.infer<typeof contracts.contestSummary>>().toEqualTypeOf<never>();
    agree<Result<typeof listCandidatePosts>[number], z.infer<typeof contracts.candidatePost>>().toEqualTypeOf<never>();
    agree<Result<typeof listExclusions>[number], z.infer<typeof contracts.contestExclusion>>().toEqualTypeOf<never>();
    agree<Result<typeof getContest>, z.infer<typeof contracts.contestView>>().toEqualTypeOf<never>();
    agree<Result<typeof refreshEntries>, z.infer<typeof contracts.entryCounts>>().toEqualTypeOf<never>();
    agree<Result<typeof listEntries>[number], z.infer<typeof contracts.contestEntry>>().toEqualTypeOf<never>();
    agree<Result<typeof listWinners>[number], z.infer<typeof contracts.contestWinner>>().toEqualTypeOf<never>();
    agree<Result<typeof runDraw>, z.infer<typeof contracts.drawOutcome>>().toEqualTypeOf<never>();
    agree<Result<typeof proofBundle>, z.infer<typeof contracts.proofBundle>>().toEqualTypeOf<never>();
    agree<Result<typeof ambassadorLeaderboard>, z.infer<typeof contracts.leaderboard>>().toEqualTypeOf<never>();
    agree<Result<typeof saveAmbassadorThreshold>, z.infer<typeof contracts.ambassadorThreshold>>().toEqualTypeOf<never>();
    agree<Result<typeof createAmbassadorCode>, z.infer<typeof contracts.ambassadorCode>>().toEqualTypeOf<never>();
  });

  it('the moderation register and the audit log', () => {
    agree<Result<typeof moderationRegister>[number], z.infer<typeof contracts.registerEntry>>().toEqualTypeOf<never>();
    agree<Result<typeof listAudit>[number], z.infer<typeof contracts.auditEntry>>().toEqualTypeOf<never>();
  });

  it('reports', () => {
    agree<Result<typeof responseTimes>, z.infer<typeof contracts.responseTimesReport>>().toEqualTypeOf<never>();
    agree<Result<typeof careReport>, z.infer<typeof contracts.careReport>>().toEqualTypeOf<never>();
    agree<Result<typeof sentimentReport>, z.infer<typeof contracts.sentimentReport>>().toEqualTypeOf<never>();
    agree<Result<typeof commerceReport>, z.infer<typeof contracts.commerceReport>>().toEqualTypeOf<never>();
    agree<Result<typeof drillDown>, z.infer<typeof contracts.drillPage>>().toEqualTypeOf<never>();
    agree<Result<typeof exportStatus>, z.infer<typeof contracts.reportExport>>().toEqualTypeOf<never>();
  });
});
