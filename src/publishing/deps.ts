import type { Clock, Logger, Sealer } from '../kernel/index.ts';
import { jobType, type Queue } from '../jobs/index.ts';
import { z } from 'zod';
import type { Bus } from '../realtime/index.ts';
import type { Db } from '../store/index.ts';
import type { Publisher } from './publishers/publisher.ts';
import type { PublishNetwork } from './networks.ts';

/** What the publishing use-cases need, built once by the composition root. */
export interface PublishingDeps {
  db: Db;
  clock: Clock;
  queue: Queue;
  bus: Bus;
  sealer: Sealer;
  logger: Logger;
  publishers: ReadonlyMap<PublishNetwork, Publisher>;
  /** Relais's public base URL: platforms fetch post images from it. */
  publicUrl(): string;
}

export const PUBLISH_QUEUE = 'publishing.publish';
export const SWEEP_QUEUE = 'publishing.sweep';
export const METRICS_QUEUE = 'publishing.metrics';
/** `publishing.publish`: publish one version on its network, at its time. */
export const publishJob = jobType(PUBLISH_QUEUE, z.object({ workspaceId: z.string().min(1), versionId: z.string().min(1) }));
