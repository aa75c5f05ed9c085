/**
 * Reads: `GET /{id}` for any node Relais looks up (profiles, posts, comments, the Page via
 * `/me`), the conversations edge Relais uses to reconcile a send that timed out, and the
 * Page's app subscription.
 */
import type { GraphContext, GraphRequest, GraphResult } from './context.ts';
import { parseFields } from './fields.ts';
import { graphErrors } from './graph-error.ts';
import { commentNode, conversationNode, instagramAccountNode, mediaNode, pageNode, postNode, userNode } from './nodes.ts';

export function readNode(ctx: GraphContext, req: GraphRequest): GraphResult {
  const { world } = ctx;
  const { page, nodeId } = req;
  const fields = parseFields(req.params.fields);
  const now = ctx.clock.now();
  const owned = <T extends { pageId: string }>(record: T | undefined) => (record && record.pageId === page.id ? record : undefined);

  const otherPage = world.pages.get(nodeId);
  if (otherPage) return { body: pageNode(otherPage, fields) };
  if (nodeId === page.instagramId) return { body: instagramAccountNode(page, fields) };
  const user = world.users.get(nodeId);
  if (user) return { body: userNode(user, fields) };
  const post = owned(world.posts.get(nodeId));
  if (post) return { body: postNode(world, post, fields, now) };
  const media = owned(world.media.get(nodeId));
  if (media) return { body: mediaNode(world, media, fields, now) };
  const comment = owned(world.comments.get(nodeId));
  if (comment && !comment.deleted) return { body: commentNode(world, comment, fields, now) };
  const conversation = [...world.conversations.values()].find((c) => c.id === nodeId && c.pageId === page.id);
  if (conversation) return { body: conversationNode(world, conversation, fields) };
  throw graphErrors.noObject(nodeId, 'GET');
}

/** `GET /{page-id}/conversations?platform=messenger|instagram&user_id=…`, most recent first. */
export function listConversations(ctx: GraphContext, req: GraphRequest): GraphResult {
  const { page, params } = req;
  if (req.nodeId !== page.id) throw graphErrors.noObject(req.nodeId, 'GET');
  const platform = params.platform ?? 'messenger';
  if (platform !== 'messenger' && platform !== 'instagram') throw graphErrors.param('Param platform must be one of {messenger, instagram}');
  const userId = typeof params.user_id === 'string' ? params.user_id : undefined;
  const fields = parseFields(params.fields);
  const lastAt = (messages: Array<{ at: number }>) => messages.at(-1)?.at ?? 0;
  const conversations = [...ctx.world.conversations.values()]
    .filter((c) => c.pageId === page.id && c.platform === platform && c.messages.length > 0 && (userId === undefined || c.userId === userId))
    .sort((a, b) => lastAt(b.messages) - lastAt(a.messages));
  return { body: { data: conversations.map((c) => conversationNode(ctx.world, c, fields)) } };
}

/** `POST|GET|DELETE /{page-id}/subscribed_apps` (PLATFORMS §1.3). */
export function subscribedApps(ctx: GraphContext, req: GraphRequest): GraphResult {
  const { page, params } = req;
  if (req.nodeId !== page.id) throw graphErrors.noObject(req.nodeId, req.method);
  if (req.method === 'GET') {
    const app = { link: `https://www.facebook.com/games/?app_id=${ctx.appId}`, name: ctx.appName, id: ctx.appId, subscribed_fields: page.subscribedFields };
    return { body: { data: page.subscribedFields.length > 0 ? [app] : [] } };
  }
  if (req.method === 'DELETE') {
    page.subscribedFields = [];
    return { body: { success: true } };
  }
  const fields = Array.isArray(params.subscribed_fields) ? params.subscribed_fields.map(String)
    : typeof params.subscribed_fields === 'string' ? params.subscribed_fields.split(',').map((f) => f.trim()).filter(Boolean) : [];
  if (fields.length === 0) throw graphErrors.param('The parameter subscribed_fields is required.');
  page.subscribedFields = [...new Set([...page.subscribedFields, ...fields])];
  return { body: { success: true } };
}
