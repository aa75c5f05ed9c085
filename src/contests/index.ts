/**
 * contests: jeux-concours whose draw anyone can verify, and the shop's ambassadors.
 * A contest's entry posts are `posts` rows (picked from the channel today, published by Relais
 * later); entries are the customer comments on them, judged with a reason each; the draw runs
 * the committed algorithm of docs/contests.md on the frozen entries.csv; winners are told
 * through the inbox's send path. Ambassadors are scored from stored messages, entries and orders.
 */
export type { ContestsDeps, Network } from './deps.ts';
export { contestsDepsFrom, networks } from './deps.ts';
export { createContest, createContestSchema, networkOfPost, type CreateContest } from './create-contest.ts';
export { getContest, listContests, listCandidatePosts, type ContestView } from './contest-view.ts';
export { refreshEntries, refreshOpenContests, listEntries, entryCounts, type EntryCounts } from './refresh-entries.ts';
export { judgeEntries, hasKeyword, taggedFriends, type Candidate, type ContestConditions, type IneligibleReason } from './judge-entries.ts';
export { runDraw, proofBundle, frozenEntriesCsv } from './run-draw.ts';
export { drawFromCsv, commitmentOf, SEED_PATTERN, type Pick, type DrawResult } from './draw.ts';
export { entriesCsv, parseEntriesCsv, parseCsv, ENTRIES_HEADER, type CsvEntry } from './entries-csv.ts';
export { notifyWinners, listWinners } from './notify-winners.ts';
export { setExclusion, listExclusions } from './exclusions.ts';
export { purgeExpiredContests, addMonths, CONTESTS_PURGE_QUEUE, CONTESTS_REFRESH_QUEUE } from './purge-contests.ts';
export { RULES_TEMPLATE_FR, renderRules } from './rules-template.ts';
export { verifyDraw, type VerifyInput } from './verify-draw.ts';
export { runContestCli, contestUsage } from './verify-cli.ts';
export { ambassadorLeaderboard, ambassadorThreshold, saveAmbassadorThreshold, type LeaderboardQuery } from './ambassadors/leaderboard.ts';
export { createAmbassadorCode, ambassadorCodeFor } from './ambassadors/personal-code.ts';
export { scoreContacts, explainScore, WEIGHTS, HALF_LIFE_DAYS, type Signal, type SignalKind } from './ambassadors/score.ts';
export { contestsJobs, entriesRefreshJob, queueEntriesRefresh } from './jobs.ts';
