import type { PublishNetwork } from '../networks.ts';
import { facebookPublisher } from './facebook.ts';
import { instagramPublisher } from './instagram.ts';
import type { Publisher } from './publisher.ts';
import { pinterestPublisher } from './pinterest.ts';
import { xPublisher } from './x.ts';

/** The networks this build publishes to: adding one is a file and a line here. */
export const publishers: ReadonlyMap<PublishNetwork, Publisher> = new Map([facebookPublisher, instagramPublisher, xPublisher, pinterestPublisher].map((p) => [p.network, p]));
export type { Publisher, PublishOutcome, OutgoingPost, Figures, FailureKind } from './publisher.ts';
export { PublishTimeout } from './publisher.ts';
