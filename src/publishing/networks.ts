import type { PublishNetwork } from '../store/index.ts';

export const NETWORKS = ['facebook', 'instagram', 'x', 'pinterest'] as const satisfies readonly PublishNetwork[];
export type { PublishNetwork };

/** The `channels.kind` that carries each network: a Page carries Facebook and its Instagram account. */
export const channelKindOf: Record<PublishNetwork, string> = { facebook: 'meta', instagram: 'meta', x: 'x', pinterest: 'pinterest' };
