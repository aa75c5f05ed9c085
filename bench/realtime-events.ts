// What the realtime bench's threads share: the job shapes, event ids and the clock.

export interface SenderJob { url: string; secret: string; pageId: string; rate: number; durationMs: number; prefix: string }
export interface SenderResult {
  /** Epoch ms (sub-millisecond) at which event n was written to the socket; undefined if it failed. */
  sentAt: (number | undefined)[];
  errors: number;
  ackP50: number;
  ackP99: number;
}

/** Wall-clock time with sub-millisecond precision, comparable across threads of the process. */
export const wallClock = () => performance.timeOrigin + performance.now();

/** Event n's platform id: messages and comments alternate, as on a shop's Page. */
export const externalIdOf = (job: Pick<SenderJob, 'pageId' | 'prefix'>, n: number) => (n % 2 === 0 ? `m_${job.prefix}_${n}` : `${job.pageId}_1_${job.prefix}${n}`);
export const eventNumberOf = (prefix: string, externalId: string) => {
  const match = new RegExp(`(?:m_${prefix}_|_1_${prefix})(\\d+)$`).exec(externalId);
  return match ? Number(match[1]) : undefined;
};

export interface SocketsJob { url: string; origin: string; cookies: string[] }
export type SocketsMessage =
  | { type: 'ready' }
  /** Per socket, `[messageId, receivedAt]` of each `message.created` since the last collect. */
  | { type: 'collected'; received: [string, number][][]; closed: number };
