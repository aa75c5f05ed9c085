// The insight endpoints of docs/api.md ("Inbox"): an agent's correction, the team's model.
import { request } from './client.ts';
import type { ClassificationCorrection, TeamModel } from '../../../../src/contracts/index.ts';

export type { ClassificationCorrection, TeamModel };

/** 204; the message shows the correction at once, the workspace model learns it in a job. */
export const correctClassification = (messageId: string, correction: ClassificationCorrection) =>
  request<void>('POST', `/api/v1/messages/${encodeURIComponent(messageId)}/classification`, correction);

/** Owners and admins. */
export const getTeamModel = () => request<{ model: TeamModel | null; corrections: number }>('GET', '/api/v1/insight/model');
