import type { MetaSandbox } from '../../sandbox/index.ts';
import { sendReply, setConversationLabel, updateConversation } from '../inbox/index.ts';
import type { Relais } from '../main.ts';
import type { Step } from './day.ts';
import { firstName, shop, type Customer } from './shop.ts';
import type { DemoWorkspace } from './workspace.ts';

export interface PlayContext {
  relais: Relais;
  meta: MetaSandbox;
  workspace: DemoWorkspace;
  /** 1 plays the day in minutes; 100 in a couple of seconds. */
  speed: number;
  signal: AbortSignal;
  print(line: string): void;
}

interface Sent {
  externalId: string;
  customer: Customer;
  where: string;
}

/**
 * Plays the steps one after another, as customers acting on the sandbox (which sends Relais
 * the webhooks Meta would) and as teammates working in Relais. A step that fails is
 * reported and skipped: a hiccup must not end the demo a newcomer is watching.
 */
export async function playDay(ctx: PlayContext, steps: Step[]): Promise<void> {
  const sent = new Map<string, Sent>();
  for (const step of steps) {
    await sleep((step.after * 1000) / ctx.speed, ctx.signal);
    if (ctx.signal.aborted) return;
    try {
      const line = await play(ctx, step, sent);
      if (!ctx.signal.aborted) ctx.print(line);
    } catch (error) {
      if (!ctx.signal.aborted) ctx.print(`⚠ ${step.kind} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function play(ctx: PlayContext, step: Step, sent: Map<string, Sent>): Promise<string> {
  const { meta } = ctx;
  const pageId = shop.page.id;
  const remember = (key: string | undefined, value: Sent) => { if (key) sent.set(key, value); };
  const known = (key: string) => {
    const value = sent.get(key);
    if (!value) throw new Error(`no earlier message "${key}"`);
    return value;
  };
  const answered = (status: number | undefined) => (status === 200 ? '' : `  (Relais answered ${status ?? 'nothing'})`);
  switch (step.kind) {
    case 'messenger': {
      const customer = shop.customers[step.from];
      const { mid, status } = await meta.messengerMessage({ pageId, psid: customer.id, text: step.text });
      remember(step.key, { externalId: mid, customer, where: 'Messenger thread' });
      return `▶ Messenger from ${firstName(customer)}: ${step.text}${answered(status)}`;
    }
    case 'instagramDm': {
      const customer = shop.customers[step.from];
      const { mid, status } = await meta.instagramDm({ pageId, igsid: customer.id, text: step.text });
      remember(step.key, { externalId: mid, customer, where: 'Instagram DM' });
      return `▶ Instagram DM from ${firstName(customer)}: ${step.text}${answered(status)}`;
    }
    case 'comment': {
      const customer = shop.customers[step.from];
      const parent = step.replyTo ? known(step.replyTo) : undefined;
      const { commentId, status } = await meta.comment({ postId: shop.posts[step.post].id, from: customer.id, message: step.text, ...(parent ? { parentId: parent.externalId } : {}) });
      remember(step.key, { externalId: commentId, customer, where: 'Facebook comment' });
      const what = parent ? `Facebook reply from ${firstName(customer)} to ${firstName(parent.customer)}` : `Facebook comment from ${firstName(customer)}`;
      return `▶ ${what}: ${step.text}${answered(status)}`;
    }
    case 'instagramComment': {
      const customer: Customer = shop.customers[step.from];
      const { commentId, status } = await meta.instagramComment({ mediaId: shop.media[step.media].id, from: customer.id, text: step.text });
      remember(step.key, { externalId: commentId, customer, where: 'Instagram comment' });
      return `▶ Instagram comment from @${customer.username ?? firstName(customer)}: ${step.text}${answered(status)}`;
    }
    case 'editComment': {
      const comment = known(step.key);
      const { status } = await meta.editComment({ commentId: comment.externalId, message: step.text });
      return `▶ ${firstName(comment.customer)} edited a ${comment.where}: ${step.text}${answered(status)}`;
    }
    case 'removeComment': {
      const comment = known(step.key);
      const { status } = await meta.removeComment({ commentId: comment.externalId });
      return `▶ ${firstName(comment.customer)} removed a ${comment.where}${answered(status)}`;
    }
    case 'teammateReply':
      return teammateReply(ctx, step, known(step.key));
    case 'assignToOwner': {
      const thread = known(step.key);
      const { workspaceId, owner, labels, team } = ctx.workspace;
      const conversationId = await conversationOf(ctx, thread.externalId);
      await updateConversation(ctx.relais.inbox, workspaceId, conversationId, { assigneeId: owner.id });
      const labelId = labels.get(step.label);
      if (labelId) await setConversationLabel(ctx.relais.inbox, workspaceId, conversationId, labelId, true);
      return `✎ ${firstName(team[step.by])} gave ${firstName(thread.customer)}'s ${thread.where} (${step.label}) to ${firstName(owner)}: it is in "Mine"`;
    }
  }
}

/** What an agent does in the console, through the same use-cases the HTTP routes call. */
async function teammateReply(ctx: PlayContext, step: Extract<Step, { kind: 'teammateReply' }>, thread: Sent): Promise<string> {
  const { inbox } = ctx.relais;
  const { workspaceId, team, labels } = ctx.workspace;
  const mate = team[step.teammate];
  const conversationId = await conversationOf(ctx, thread.externalId);
  await updateConversation(inbox, workspaceId, conversationId, { assigneeId: mate.id });
  const labelId = labels.get(step.label);
  if (labelId) await setConversationLabel(inbox, workspaceId, conversationId, labelId, true);
  await sendReply(inbox, workspaceId, { type: 'user', id: mate.id }, conversationId, { text: step.text, visibility: 'private' });
  return `✎ ${firstName(mate)} took ${firstName(thread.customer)}'s ${thread.where} (${step.label}) and replied: ${step.text}`;
}

/** The webhook is processed by a job: wait until the message it carried is in a conversation. */
async function conversationOf(ctx: PlayContext, externalId: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (!ctx.signal.aborted && Date.now() < deadline) {
    const row = await ctx.relais.store.db.selectFrom('messages').select('conversation_id')
      .where('workspace_id', '=', ctx.workspace.workspaceId).where('external_id', '=', externalId).executeTakeFirst();
    if (row) return row.conversation_id;
    await sleep(100, ctx.signal);
  }
  throw new Error(`message ${externalId} did not reach the inbox`);
}

/** Resolves after `ms`, or at once when the demo is stopped. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
