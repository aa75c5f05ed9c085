/** What every X API handler sees, and the problem answers X gives. */
import type { XAccountRecord, XWorld } from '../world.ts';
import type { XLog } from '../records.ts';

export interface XApiContext {
  world: XWorld;
  now(): number;
  log: XLog;
  /** `source_app_id` of what Relais sends. */
  appId: string;
  /** Delivers the account's own event (X's echo of a post or DM) when echoes are on. */
  echo(payload: unknown): void;
}

export interface XApiRequest {
  account: XAccountRecord;
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
}

export interface XApiResult {
  status: number;
  body: unknown;
  /** Side effects that follow the answer (echo webhooks). */
  after?: () => void;
}

/** An error answer in X's v2 problem form. */
export class XProblem extends Error {
  constructor(readonly status: number, readonly body: Record<string, unknown>) {
    super(String(body.detail ?? body.title));
  }
}

export const problems = {
  unauthorized: () => new XProblem(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }),
  forbidden: (detail: string) => new XProblem(403, { title: 'Forbidden', type: 'about:blank', status: 403, detail }),
  tooMany: () => new XProblem(429, { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }),
  invalid: (parameter: string, message: string) => new XProblem(400, {
    errors: [{ parameters: { [parameter]: [] }, message }],
    title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request',
  }),
  notFound: (resource: string, id: string) => new XProblem(404, {
    errors: [{ value: id, detail: `Could not find ${resource} with id: [${id}].`, title: 'Not Found Error', resource_type: resource, parameter: 'id', resource_id: id, type: 'https://api.twitter.com/2/problems/resource-not-found' }],
    title: 'Not Found Error', detail: `Could not find ${resource} with id: [${id}].`, type: 'https://api.twitter.com/2/problems/resource-not-found',
  }),
  unavailable: () => new XProblem(503, { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 }),
};
