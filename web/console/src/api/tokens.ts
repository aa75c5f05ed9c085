// API tokens and the progress of long work (docs/api.md, "API tokens" and "Progress").
import { request } from './client.ts';
import type { ApiToken, CreateTokenInput, JobKind, JobProgress } from '../../../../src/contracts/index.ts';

export type { ApiToken, CreateTokenInput, JobKind, JobProgress };

const v1 = '/api/v1';

/** Owners and admins; revoked tokens are listed too, marked. */
export const listTokens = () => request<{ tokens: ApiToken[] }>('GET', `${v1}/tokens`);
/** The secret is in this answer only. */
export const createToken = (input: CreateTokenInput) => request<{ token: ApiToken; secret: string }>('POST', `${v1}/tokens`, input);
export const revokeToken = (id: string) => request<void>('DELETE', `${v1}/tokens/${encodeURIComponent(id)}`);

export const listJobProgress = (kind: JobKind) => request<{ progress: JobProgress[] }>('GET', `${v1}/job-progress?kind=${encodeURIComponent(kind)}`);
export const retrainModel = () => request<{ status: 'queued' }>('POST', `${v1}/insight/model/retrain`);
export const reconcileShop = (channelId: string) => request<{ status: 'queued' }>('POST', `${v1}/shops/${encodeURIComponent(channelId)}/reconcile`);
