import { z } from 'zod';
import { epochMs, id } from './common.ts';

// Contests and ambassadors, as `/api/v1/contests/*` and `/api/v1/ambassadors*` answer them.
// `src/contests` computes them; `http/contract-types.test.ts` holds its types and these schemas
// equal, so neither drifts. No schema here carries the sealed seed: it appears only in a draw.

const network = z.enum(['facebook', 'instagram', 'x']);

// Requests (moved from src/contests/create-contest.ts and src/http/routes/contests.validators.ts).
const handle = z.string().trim().regex(/^@?[\p{L}\p{N}_.]{1,60}$/u, 'a handle such as @maisonlune').transform((h) => h.replace(/^@/, '').toLowerCase());

export const createContestSchema = z.object({
  name: z.string().trim().min(1).max(120),
  /** The règlement; placeholders such as {{commitment}} are filled. Absent: the French template. */
  rulesText: z.string().max(20_000).optional(),
  organiser: z.string().trim().min(1).max(200).default('La boutique'),
  startsAt: z.number().int().positive(),
  endsAt: z.number().int().positive(),
  winners: z.number().int().min(1).max(100),
  alternates: z.number().int().min(0).max(100).default(0),
  /** `posts.id` of the entry posts (Facebook, Instagram or X), one or more. */
  postIds: z.array(z.string().min(1).max(64)).min(1).max(10),
  keyword: z.string().trim().min(1).max(60).nullable().default(null),
  minTags: z.number().int().min(0).max(10).default(0),
  includeXMentions: z.boolean().default(false),
  excludedHandles: z.array(handle).max(50).default([]),
  retentionMonths: z.number().int().min(1).max(36).default(6),
}).strict().refine((c) => c.endsAt > c.startsAt, { message: 'the end comes after the start', path: ['endsAt'] });
export const contestParam = z.object({ id: z.string().min(1).max(64) });
export const exclusionBody = z.object({ contactId: z.string().min(1).max(64), kind: z.enum(['blocked', 'team']).nullable() }).strict();
export const leaderboardQuery = z.object({
  network: z.enum(['all', 'facebook', 'instagram', 'x']).default('all'),
  days: z.coerce.number().int().min(7).max(365).default(90),
});
export const ambassadorSettingsBody = z.object({ threshold: z.number().int().min(1).max(100_000) }).strict();
export const ambassadorCodeBody = z.object({
  shopChannelId: z.string().min(1).max(64),
  percent: z.number().int().min(1).max(90).default(10),
}).strict();
/** What the console's contest form sends. */
export type NewContest = z.input<typeof createContestSchema>;
const contestStatus = z.enum(['open', 'drawn']);

export const contestSummary = z.object({
  id, name: z.string(), startsAt: epochMs, endsAt: epochMs, status: contestStatus, commitment: z.string(), winners: z.number(), entries: z.number(), eligible: z.number(),
}).meta({ id: 'ContestSummary' });

export const candidatePost = z.object({
  id, channelId: z.string(), channelName: z.string(), externalId: z.string(), text: z.string().nullable(), permalink: z.string().nullable(), createdAt: epochMs, network,
}).meta({ id: 'CandidatePost' });

export const contestExclusion = z.object({ contactId: z.string(), kind: z.enum(['blocked', 'team']), name: z.string().nullable(), createdAt: epochMs }).meta({ id: 'ContestExclusion' });

export const contestView = z.object({
  id, name: z.string(), rulesText: z.string(), startsAt: epochMs, endsAt: epochMs, winners: z.number(), alternates: z.number(), keyword: z.string().nullable(), minTags: z.number(),
  includeXMentions: z.boolean(), excludedHandles: z.array(z.string()), commitment: z.string(), status: contestStatus, retentionMonths: z.number(), createdAt: epochMs, purgedAt: epochMs.nullable(),
  posts: z.array(z.object({ postId: z.string(), channelId: z.string(), network, externalId: z.string(), text: z.string().nullable(), permalink: z.string().nullable() })),
  draw: z.object({ entriesHash: z.string(), seed: z.string(), drawnAt: epochMs, announcement: z.string() }).nullable(),
}).meta({ id: 'Contest' });

/** Entries and eligible entries per network. */
export const entryCounts = z.record(z.string(), z.object({ entries: z.number(), eligible: z.number() })).meta({ id: 'EntryCounts' });

export const contestEntry = z.object({
  id, network: z.string(), contactId: z.string().nullable(), authorName: z.string().nullable(), text: z.string(), enteredAt: epochMs, eligible: z.boolean(), reason: z.string().nullable(), conversationId: z.string(),
}).meta({ id: 'ContestEntry' });

export const contestWinner = z.object({
  entryId: z.string(), role: z.enum(['winner', 'alternate']), rank: z.number(), contactId: z.string().nullable(), conversationId: z.string().nullable(),
  authorName: z.string().nullable(), network: z.string().nullable(),
  notice: z.enum(['pending', 'sent', 'queued', 'failed', 'impossible']), reason: z.string().nullable(), via: z.enum(['private_reply', 'dm']).nullable(),
}).meta({ id: 'ContestWinner' });

const pick = z.object({ role: z.enum(['winner', 'alternate']), rank: z.number(), entryId: z.string(), network: z.string(), authorName: z.string() });
export const drawOutcome = z.object({ entriesHash: z.string(), seed: z.string(), entries: z.number(), picks: z.array(pick), announcement: z.string() }).meta({ id: 'DrawOutcome' });

export const proofBundle = z.object({
  format: z.string(),
  contest: z.object({ id, name: z.string(), startsAt: z.string(), endsAt: z.string() }),
  rules: z.string(), commitment: z.string(), entriesCsv: z.string(), entriesHash: z.string(), seed: z.string(), winners: z.number(), alternates: z.number(),
  picks: z.array(pick.extend({ role: z.string() })),
  drawnAt: z.string(), verify: z.string(),
}).meta({ id: 'ContestProof', description: 'Everything needed to re-run the draw (docs/contests.md)' });

const signalCounts = z.object({ positive_comment: z.number(), share: z.number(), like: z.number(), tag: z.number(), entry: z.number(), order: z.number(), code_sale: z.number() });
export const leaderboard = z.object({
  threshold: z.number(), days: z.number(), network: z.enum(['all', 'facebook', 'instagram', 'x']),
  ambassadors: z.array(z.object({
    contactId: z.string(), name: z.string().nullable(), score: z.number(), counts: signalCounts, explanation: z.string(), ambassador: z.boolean(),
    codes: z.array(z.object({ code: z.string(), percent: z.number().nullable() })),
    codeRevenue: z.array(z.object({ currency: z.string(), cents: z.number() })),
  })),
}).meta({ id: 'AmbassadorLeaderboard' });

export const ambassadorThreshold = z.object({ threshold: z.number() });
export const ambassadorCode = z.object({ id, code: z.string(), percent: z.number(), created: z.boolean() }).meta({ id: 'AmbassadorCode' });

export const contestDetail = z.object({ contest: contestView, counts: entryCounts, winners: z.array(contestWinner) });
export const contestEntries = z.object({ counts: entryCounts, entries: z.array(contestEntry) });

export type ContestSummary = z.infer<typeof contestSummary>;
export type CandidatePost = z.infer<typeof candidatePost>;
export type ContestExclusion = z.infer<typeof contestExclusion>;
export type ContestView = z.infer<typeof contestView>;
export type EntryCounts = z.infer<typeof entryCounts>;
export type ContestEntry = z.infer<typeof contestEntry>;
export type ContestWinner = z.infer<typeof contestWinner>;
export type DrawOutcome = z.infer<typeof drawOutcome>;
export type ProofBundle = z.infer<typeof proofBundle>;
export type Leaderboard = z.infer<typeof leaderboard>;
export type AmbassadorCode = z.infer<typeof ambassadorCode>;
