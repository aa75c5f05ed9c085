// The insight endpoints of docs/api.md ("Inbox"): an agent's correction, the team's model.
import { request } from './client.ts';
import type { Sentiment } from './inbox-types.ts';

export interface ClassificationCorrection {
  sentiment?: Sentiment;
  intents?: string[];
}

/** 204; the message shows the correction at once, the workspace model learns it in a job. */
export const correctClassification = (messageId: string, correction: ClassificationCorrection) =>
  request<void>('POST', `/api/v1/messages/${encodeURIComponent(messageId)}/classification`, correction);

export interface TeamModel {
  version: number;
  examples: number;
  trainedAt: number;
  /** JSON from the server, described by nothing stricter: see settings/model-summary.ts. */
  summary: unknown;
}

/** Owners and admins. */
export const getTeamModel = () => request<{ model: TeamModel | null; corrections: number }>('GET', '/api/v1/insight/model');
