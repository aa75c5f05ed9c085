/**
 * Contests and ambassadors. Request and response types are the contracts' (src/contracts,
 * type-only imports), so the console never keeps a hand copy of them.
 */
import type {
  AmbassadorCode, CandidatePost, ContestSummary, ContestView, ContestEntry, ContestWinner, DrawOutcome, EntryCounts, Leaderboard, NewContest, ProofBundle,
} from '../../../../src/contracts/index.ts';
import { request } from './client.ts';

const v1 = '/api/v1';
const id = encodeURIComponent;

export type { AmbassadorCode, CandidatePost, ContestSummary, ContestView, ContestEntry, ContestWinner, DrawOutcome, EntryCounts, Leaderboard, NewContest, ProofBundle };
export type Ambassador = Leaderboard['ambassadors'][number];

export const listContestsApi = () => request<{ contests: ContestSummary[] }>('GET', `${v1}/contests`);
export const listCandidatePostsApi = () => request<{ posts: CandidatePost[] }>('GET', `${v1}/contests/posts`);
export const rulesTemplate = () => request<{ template: string }>('GET', `${v1}/contests/rules-template`);
export const createContestApi = (input: NewContest) => request<{ contest: ContestView }>('POST', `${v1}/contests`, input);
export const getContestApi = (contestId: string) => request<{ contest: ContestView; counts: EntryCounts; winners: ContestWinner[] }>('GET', `${v1}/contests/${id(contestId)}`);
export const listEntriesApi = (contestId: string) => request<{ counts: EntryCounts; entries: ContestEntry[] }>('GET', `${v1}/contests/${id(contestId)}/entries`);
export const drawContest = (contestId: string) => request<DrawOutcome>('POST', `${v1}/contests/${id(contestId)}/draw`);
export const notifyWinnersApi = (contestId: string) => request<{ winners: ContestWinner[] }>('POST', `${v1}/contests/${id(contestId)}/notify`);
export const getProof = (contestId: string) => request<ProofBundle>('GET', `${v1}/contests/${id(contestId)}/proof`);

export const getLeaderboard = (network: string, days: number) => request<Leaderboard>('GET', `${v1}/ambassadors?network=${id(network)}&days=${days}`);
export const saveThreshold = (threshold: number) => request<{ threshold: number }>('PUT', `${v1}/ambassadors/settings`, { threshold });
export const createAmbassadorCodeApi = (contactId: string, shopChannelId: string) =>
  request<AmbassadorCode>('POST', `${v1}/ambassadors/${id(contactId)}/code`, { shopChannelId, percent: 10 });
