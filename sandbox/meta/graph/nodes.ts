/**
 * How each kind of object reads through Graph: its fields, and the ones Graph returns when
 * `fields` is not given. Only the fields Relais may ask for are known; others are errors.
 */
import { graphTime } from '../event.ts';
import type { CommentRecord, ConversationRecord, MediaRecord, MessageRecord, PageRecord, PostRecord, UserRecord, World } from '../world.ts';
import { edge, pick, type FieldSpec } from './fields.ts';

const sevenDaysMs = 7 * 24 * 3_600_000;

export function pageNode(page: PageRecord, fields: FieldSpec[] | undefined): Record<string, unknown> {
  return pick('Page', {
    id: () => page.id,
    name: () => page.name,
    instagram_business_account: () => (page.instagramId ? { id: page.instagramId } : undefined),
  }, fields, ['name']);
}

export function instagramAccountNode(page: PageRecord, fields: FieldSpec[] | undefined): Record<string, unknown> {
  return pick('IGUser', {
    id: () => page.instagramId,
    username: () => page.instagramUsername,
    name: () => page.name,
  }, fields, ['id']);
}

export function userNode(user: UserRecord, fields: FieldSpec[] | undefined): Record<string, unknown> {
  const [first, ...rest] = user.name.split(' ');
  return pick('User', {
    id: () => user.id,
    name: () => user.name,
    first_name: () => first,
    last_name: () => rest.join(' ') || undefined,
    profile_pic: () => user.profilePic ?? `https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=${user.id}`,
    username: () => user.username,
  }, fields, ['name']);
}

export function postNode(world: World, post: PostRecord, fields: FieldSpec[] | undefined, now: number): Record<string, unknown> {
  const page = world.pages.get(post.pageId);
  return pick('Post', {
    id: () => post.id,
    message: () => post.message,
    permalink_url: () => post.permalinkUrl,
    created_time: () => graphTime(post.createdAt),
    updated_time: () => graphTime(post.createdAt),
    from: () => ({ name: page?.name, id: post.pageId }),
    comments: (spec) => edge(liveComments(world, post.id, 'facebook'), spec, (c, f) => commentNode(world, c, f, now)),
  }, fields, ['created_time', 'message']);
}

export function mediaNode(world: World, media: MediaRecord, fields: FieldSpec[] | undefined, now: number): Record<string, unknown> {
  const page = world.pages.get(media.pageId);
  return pick('IGMedia', {
    id: () => media.id,
    caption: () => media.caption,
    permalink: () => media.permalink,
    timestamp: () => graphTime(media.createdAt),
    media_product_type: () => media.mediaProductType,
    username: () => page?.instagramUsername,
    comments_count: () => liveComments(world, media.id, 'instagram').length,
    comments: (spec) => edge(liveComments(world, media.id, 'instagram'), spec, (c, f) => commentNode(world, c, f, now)),
  }, fields, ['id']);
}

/** A Facebook or Instagram comment, each with its platform's field names. */
export function commentNode(world: World, comment: CommentRecord, fields: FieldSpec[] | undefined, now: number): Record<string, unknown> {
  const page = world.pages.get(comment.pageId);
  const user = world.users.get(comment.fromId);
  const replies = (spec: FieldSpec) => edge(liveComments(world, comment.id, comment.platform), spec, (c, f) => commentNode(world, c, f, now));
  if (comment.platform === 'instagram') {
    const username = comment.byPage ? page?.instagramUsername : user?.username;
    return pick('IGComment', {
      id: () => comment.id,
      text: () => comment.message,
      timestamp: () => graphTime(comment.createdAt),
      username: () => username,
      from: () => ({ id: comment.fromId, username }),
      hidden: () => comment.hidden,
      media: () => ({ id: comment.targetId }),
      parent_id: () => comment.parentId,
      like_count: () => 0,
      replies,
    }, fields, ['timestamp', 'text']);
  }
  return pick('Comment', {
    id: () => comment.id,
    message: () => comment.message,
    created_time: () => graphTime(comment.createdAt),
    from: () => ({ name: comment.byPage ? page?.name : user?.name, id: comment.fromId }),
    is_hidden: () => comment.hidden,
    can_hide: () => !comment.byPage,
    can_reply_privately: () => !comment.byPage && comment.privateReplyAt === undefined && now - comment.createdAt <= sevenDaysMs,
    parent: () => (comment.parentId && comment.parentId !== comment.targetId ? { id: comment.parentId } : undefined),
    permalink_url: () => `${world.posts.get(comment.targetId)?.permalinkUrl ?? ''}?comment_id=${comment.id.split('_')[1]}`,
    comments: replies,
  }, fields, ['created_time', 'from', 'message']);
}

export function conversationNode(world: World, conversation: ConversationRecord, fields: FieldSpec[] | undefined): Record<string, unknown> {
  const newestFirst = [...conversation.messages].reverse();
  return pick('Conversation', {
    id: () => conversation.id,
    updated_time: () => graphTime(newestFirst[0]?.at ?? 0),
    message_count: () => conversation.messages.length,
    participants: () => ({ data: [author(world, conversation, true), author(world, conversation, false)] }),
    messages: (spec) => edge(newestFirst, spec, (m, f) => messageNode(world, conversation, m, f)),
  }, fields, ['updated_time']);
}

function messageNode(world: World, conversation: ConversationRecord, message: MessageRecord, fields: FieldSpec[] | undefined): Record<string, unknown> {
  return pick('Message', {
    id: () => message.mid,
    message: () => message.text ?? '',
    created_time: () => graphTime(message.at),
    from: () => author(world, conversation, message.fromUser),
    to: () => ({ data: [author(world, conversation, !message.fromUser)] }),
    attachments: () => (message.attachments ? { data: message.attachments } : undefined),
  }, fields, ['created_time']);
}

/** Messenger names people with an email-like handle; Instagram with a username. */
function author(world: World, conversation: ConversationRecord, user: boolean): Record<string, unknown> {
  const page = world.pages.get(conversation.pageId);
  if (conversation.platform === 'instagram') {
    return user
      ? { username: world.users.get(conversation.userId)?.username, id: conversation.userId }
      : { username: page?.instagramUsername, id: page?.instagramId };
  }
  const id = user ? conversation.userId : conversation.pageId;
  return { name: user ? world.users.get(id)?.name : page?.name, email: `${id}@facebook.com`, id };
}

/** Comments directly under a post, media or comment, oldest first, deleted ones gone. */
export function liveComments(world: World, parentId: string, platform: CommentRecord['platform']): CommentRecord[] {
  return [...world.comments.values()].filter((c) => c.platform === platform && !c.deleted
    && (c.parentId === parentId || (platform === 'instagram' && c.targetId === parentId && c.parentId === undefined)));
}
