import type { NetworkResult } from '../api/publishing.ts';

export type { CalendarPost, CoachWarning, MediaView, NetworkResult, PostView, PublishNetwork } from '../api/publishing.ts';
export type ValidationIssue = NetworkResult['errors'][number];

/** A connected account the composer can post to: its id and kind (meta, x, pinterest, shopify, woocommerce). */
export interface ChannelChoice {
  id: string;
  kind: string;
  name: string;
}
