import { z } from 'zod';
import { jobProgress } from './progress.ts';

/**
 * The realtime event catalogue: every event the server publishes on a workspace's bus, with
 * its payload. Publishers are type-checked against it (`RealtimeEvent`), and the console's
 * realtime client narrows on `type` with the same union.
 */
const conversationId = z.string();
export const realtimeEvents = {
  'message.created': z.object({ conversationId, messageId: z.string(), direction: z.enum(['in', 'out']) }),
  'message.updated': z.object({ conversationId, messageId: z.string() }),
  'mention.created': z.object({ conversationId, messageId: z.string(), userId: z.string(), by: z.string().nullable() }),
  'conversation.updated': z.object({ conversationId }),
  'conversation.assigned': z.object({ conversationId, assigneeId: z.string(), by: z.string() }),
  'conversation.sla': z.object({ conversationId, event: z.string(), target: z.string(), dueAt: z.number() }),
  'outbound.updated': z.object({ conversationId, outboundId: z.string(), state: z.enum(['queued', 'sent', 'failed']), kind: z.string().optional(), reason: z.string().nullable().optional() }),
  'channel.needs_reconnect': z.object({ channelId: z.string(), reason: z.string() }),
  'contact.updated': z.object({ contactId: z.string(), mergedFrom: z.string().optional() }),
  'notification.created': z.object({ userId: z.string(), notificationId: z.string(), conversationId: z.string().nullable() }),
  'agent.availability': z.object({ userId: z.string(), status: z.enum(['online', 'away', 'offline']), at: z.number() }),
  'recovery.decided': z.object({ checkoutId: z.string(), conversationId: z.string().nullable(), outcome: z.string(), reason: z.string().nullable() }),
  'contest.entries': z.object({ contestId: z.string(), counts: z.record(z.string(), z.unknown()) }),
  'contest.drawn': z.object({ contestId: z.string() }),
  'contest.winners': z.object({ contestId: z.string() }),
  'post.submitted': z.object({ postId: z.string() }),
  'post.scheduled': z.object({ postId: z.string(), scheduledAt: z.number() }),
  'post.published': z.object({ postId: z.string(), versionId: z.string(), network: z.string(), permalink: z.string().nullable() }),
  'job.progress': jobProgress,
} as const;

export type RealtimeEventType = keyof typeof realtimeEvents;
export type RealtimeEventData<T extends RealtimeEventType> = z.infer<(typeof realtimeEvents)[T]>;
/** One event as a publisher hands it over: a `type` from the catalogue and its payload. */
export type RealtimeEvent = { [T in RealtimeEventType]: { workspaceId: string; type: T; data: RealtimeEventData<T> } }[RealtimeEventType];
/** An event as the console receives it over the WebSocket, with the bus's sequence. */
export type RealtimeEnvelope = { [T in RealtimeEventType]: { type: T; data: RealtimeEventData<T>; seq: number; epoch: string; at: number } }[RealtimeEventType];
export const realtimeEventTypes = Object.keys(realtimeEvents) as RealtimeEventType[];

/** Who is looking at or typing in which conversation: a `presence` message on the WebSocket, never replayed. */
export const presenceUser = z.object({ userId: z.string(), name: z.string(), conversationId: z.string().nullable(), typing: z.boolean() });
export type PresenceUser = z.infer<typeof presenceUser>;
