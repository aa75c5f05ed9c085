import type { InboundItem } from '../channels/index.ts';

/**
 * The rows a delivery's items write that another delivery may write too, as keys: two
 * deliveries sharing a key must be ingested one after the other, in arrival order. A key may
 * join more than needed (ids are compared without their channel), never less.
 *
 * - `p:` a person: their contact and identity (a messenger and a commenter with one id share it),
 *   and with it their private conversation (`dm:` one per customer per channel);
 * - `t:` a comment thread: its conversation (`comment:` one per top-level comment);
 * - `m:` a message or comment: its row, its edits and removals, and the replies that join its
 *   conversation through their parent;
 * - `r:` the target of reactions: the post's counts (read, then written) and who reacted.
 *
 * A comment's post is left out, so the comments of one busy post spread over the lanes:
 * `ensurePost` inserts a post idempotently and fills its text and link only once.
 */
export function threadKeys(items: readonly InboundItem[]): string[] {
  const keys: string[] = [];
  for (const item of items) {
    switch (item.type) {
      case 'message':
        keys.push(`p:${item.customer.externalId}`, `m:${item.externalId}`);
        break;
      case 'comment':
        // The page's own comments open no contact: keying them by the page would join everything.
        if (!item.byAccount) keys.push(`p:${item.author.externalId}`);
        keys.push(`t:${item.threadExternalId}`, `m:${item.externalId}`);
        if (item.parentExternalId) keys.push(`m:${item.parentExternalId}`);
        break;
      case 'reaction':
        keys.push(`r:${item.targetExternalId}`);
        break;
      case 'signal':
        break; // writes nothing
    }
  }
  return keys;
}

/**
 * Splits deliveries, in arrival order, into at most `lanes` lists that can be ingested side
 * by side: the deliveries that share a key, directly or through others, form one group, and a
 * group goes whole to one lane (the one with the fewest deliveries so far), where the
 * deliveries keep their arrival order. So two deliveries that touch the same conversation,
 * contact or message are never ingested concurrently nor out of order.
 */
export function splitIntoLanes<T>(deliveries: readonly T[], keysOf: (delivery: T) => readonly string[], lanes: number): T[][] {
  const count = Math.max(1, Math.floor(lanes));
  if (count === 1 || deliveries.length <= 1) return deliveries.length === 0 ? [] : [[...deliveries]];
  // Union-find over the deliveries' indexes, joined through the keys they share.
  const parent = deliveries.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  for (const [i, delivery] of deliveries.entries()) {
    for (const key of keysOf(delivery)) {
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, i);
      else {
        const [a, b] = [root(seen), root(i)];
        // The earlier delivery stays the root, so groups are met in order of their first delivery.
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < deliveries.length; i++) {
    const r = root(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  }
  const assigned: number[][] = Array.from({ length: count }, () => []);
  for (const indexes of members.values()) {
    let lightest = 0;
    for (let lane = 1; lane < count; lane++) if (assigned[lane]!.length < assigned[lightest]!.length) lightest = lane;
    assigned[lightest]!.push(...indexes);
  }
  return assigned.filter((lane) => lane.length > 0).map((lane) => lane.sort((a, b) => a - b).map((i) => deliveries[i]!));
}
