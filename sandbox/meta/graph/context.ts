/** What a Graph endpoint handler is given and what it returns. */
import type { EventContext, MetaEvent } from '../event.ts';
import type { MetaLog } from '../records.ts';
import type { PageRecord } from '../world.ts';

export interface GraphContext extends EventContext {
  log: MetaLog;
  appName: string;
  /** Queues webhooks Meta would send as a consequence (echoes), unless echoes are off. */
  echo(events: MetaEvent[]): void;
}

export interface GraphRequest {
  method: string;
  /** The Page whose token authenticated the call. */
  page: PageRecord;
  /** The path's object id, with `me` already resolved to the Page id. */
  nodeId: string;
  edge?: string | undefined;
  params: Record<string, unknown>;
}

export interface GraphResult {
  body: unknown;
  /** Runs once the answer is sent (or, for a hung call, once the action is done). */
  after?: () => void;
}
