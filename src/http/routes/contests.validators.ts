// The contests' request schemas are contracts (src/contracts/contests.ts).
export { ambassadorCodeBody, ambassadorSettingsBody, contestParam, exclusionBody, leaderboardQuery } from '../../contracts/index.ts';
