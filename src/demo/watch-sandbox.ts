import type { MetaSandbox } from '../../sandbox/index.ts';
import { shop, type Customer } from './shop.ts';

/**
 * Prints what reached "Meta" (the sandbox) as it arrives, so a newcomer who answers in the
 * console sees the other end of the wire. Reads the sandbox's live record arrays.
 */
export function watchSandbox(meta: MetaSandbox, print: (line: string) => void, everyMs = 300): () => void {
  const names = new Map((Object.values(shop.customers) as Customer[]).map((c) => [c.id, c.name]));
  let sent = meta.sent.length;
  let replies = meta.replies.length;
  let hidden = meta.hidden.length;
  let deleted = meta.deleted.length;
  const timer = setInterval(() => {
    for (const message of meta.sent.slice(sent)) {
      const where = message.platform === 'instagram' ? 'Instagram DM' : 'Messenger';
      const how = message.commentId ? 'private reply to a comment' : where;
      print(`◀ Sandbox received for ${names.get(message.recipientId) ?? message.recipientId} (${how}): ${message.text ?? '[attachment]'}`);
    }
    for (const reply of meta.replies.slice(replies)) print(`◀ Sandbox received a public reply on ${reply.platform}: ${reply.message}`);
    for (const change of meta.hidden.slice(hidden)) print(`◀ Sandbox: comment ${change.commentId} ${change.hidden ? 'hidden' : 'shown again'}`);
    for (const removal of meta.deleted.slice(deleted)) print(`◀ Sandbox: comment ${removal.commentId} deleted`);
    sent = meta.sent.length;
    replies = meta.replies.length;
    hidden = meta.hidden.length;
    deleted = meta.deleted.length;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
