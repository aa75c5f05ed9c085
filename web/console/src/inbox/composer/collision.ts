import type { Message, PresenceUser } from '../../../../../src/contracts/index.ts';

/** Teammates in this conversation right now (not me), and which of them are typing. */
export function othersHere(users: PresenceUser[], conversationId: string, myUserId: string | undefined): { viewing: PresenceUser[]; typing: PresenceUser[] } {
  const here = users.filter((user) => user.conversationId === conversationId && user.userId !== myUserId);
  const unique = here.filter((user, index) => here.findIndex((other) => other.userId === user.userId) === index)
    .map((user) => ({ ...user, typing: here.some((other) => other.userId === user.userId && other.typing) }));
  return { viewing: unique, typing: unique.filter((user) => user.typing) };
}

/**
 * Replies to the customer that landed after my draft began and were not written by me: a
 * teammate's answer, or the shop answering from the platform itself. Notes do not count.
 * Returns the authors' names (each once), empty when nobody answered meanwhile.
 */
export function repliesSince(messages: Message[], seenIds: ReadonlySet<string>, myUserId: string | undefined, nameOf: (userId: string) => string | undefined): string[] {
  const names: string[] = [];
  for (const message of messages) {
    if (seenIds.has(message.id) || message.direction !== 'out' || message.kind === 'note') continue;
    if (message.authorType === 'user' && message.authorId === myUserId) continue;
    const name = message.authorName ?? (message.authorId ? nameOf(message.authorId) : undefined) ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
