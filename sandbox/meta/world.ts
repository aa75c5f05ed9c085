/**
 * What exists on "Facebook" right now: Pages and their tokens, people, posts, Instagram
 * media, comments and conversations. Customer actions and Graph calls read and change it;
 * webhooks are only the news of those changes, so a lost webhook leaves the world intact
 * for Relais to reconcile against, as on the real platform.
 */
import { mediaInput, pageInput, postInput, userInput, type MediaInput, type PageInput, type PostInput, type UserInput } from './inputs.ts';

export type CommentPlatform = 'facebook' | 'instagram';
export type MessagingPlatform = 'messenger' | 'instagram';

export interface PageRecord {
  id: string;
  name: string;
  accessToken: string;
  instagramId?: string | undefined;
  instagramUsername?: string | undefined;
  /** Set by `POST /{page-id}/subscribed_apps`. */
  subscribedFields: string[];
}

export interface UserRecord {
  id: string;
  name: string;
  username?: string | undefined;
  profilePic?: string | undefined;
}

export interface PostRecord {
  id: string;
  pageId: string;
  message: string;
  permalinkUrl: string;
  createdAt: number;
}

export interface MediaRecord {
  id: string;
  pageId: string;
  caption: string;
  permalink: string;
  mediaProductType: string;
  createdAt: number;
}

export interface CommentRecord {
  id: string;
  platform: CommentPlatform;
  pageId: string;
  /** The post (Facebook) or media (Instagram) commented on. */
  targetId: string;
  /** Facebook: the post id for a top-level comment. Instagram: absent for a top-level one. */
  parentId?: string | undefined;
  /** A user id, or the Page / Instagram account id when `byPage`. */
  fromId: string;
  byPage: boolean;
  message: string;
  createdAt: number;
  hidden: boolean;
  deleted: boolean;
  privateReplyAt?: number | undefined;
}

export interface MessageRecord {
  mid: string;
  at: number;
  fromUser: boolean;
  text?: string | undefined;
  attachments?: unknown[] | undefined;
  metadata?: string | undefined;
  /** The app that sent a Page message; absent when a person wrote it in the Page inbox. */
  appId?: string | undefined;
}

export interface ConversationRecord {
  id: string;
  platform: MessagingPlatform;
  pageId: string;
  userId: string;
  messages: MessageRecord[];
  /** Opens the 24 h standard window and the 7 day HUMAN_AGENT one. */
  lastUserMessageAt?: number | undefined;
}

/** An Instagram media container (PLATFORMS §5.2): made, then published within 24 h. */
export interface ContainerRecord {
  id: string;
  pageId: string;
  imageUrl: string;
  caption: string;
  createdAt: number;
  status: 'FINISHED' | 'PUBLISHED' | 'ERROR';
  mediaId?: string | undefined;
}

export interface World {
  pages: Map<string, PageRecord>;
  containers: Map<string, ContainerRecord>;
  /** When each Page's Instagram account published, for the rolling 24 h quota. */
  igPublishes: Map<string, number[]>;
  /** `content_publishing_limit.config.quota_total` (PLATFORMS §5.2: 25, later 50 or 100). */
  igQuotaTotal: number;
  users: Map<string, UserRecord>;
  posts: Map<string, PostRecord>;
  media: Map<string, MediaRecord>;
  comments: Map<string, CommentRecord>;
  conversations: Map<string, ConversationRecord>;
  revokedTokens: Set<string>;
}

export function createWorld(): World {
  return { pages: new Map(), containers: new Map(), igPublishes: new Map(), igQuotaTotal: 25, users: new Map(), posts: new Map(), media: new Map(), comments: new Map(), conversations: new Map(), revokedTokens: new Set() };
}

/** Forgets what happened (comments, messages, revocations) but keeps who and what exists. */
export function clearActivity(world: World): void {
  world.comments.clear();
  world.conversations.clear();
  world.revokedTokens.clear();
  world.containers.clear();
  world.igPublishes.clear();
  world.igQuotaTotal = 25;
}

export function clearAll(world: World): void {
  clearActivity(world);
  world.pages.clear();
  world.users.clear();
  world.posts.clear();
  world.media.clear();
}

export function addPage(world: World, input: PageInput): PageRecord {
  const page: PageRecord = { ...pageInput.parse(input), subscribedFields: [] };
  world.pages.set(page.id, page);
  return page;
}

export function addUser(world: World, input: UserInput): UserRecord {
  const user = userInput.parse(input);
  world.users.set(user.id, user);
  return user;
}

export function addPost(world: World, input: PostInput, now: number): PostRecord {
  const parsed = postInput.parse(input);
  requirePage(world, parsed.pageId);
  if (!parsed.id.startsWith(`${parsed.pageId}_`)) throw new Error(`Post ${parsed.id} must start with its Page id ${parsed.pageId}_`);
  const post = { ...parsed, permalinkUrl: parsed.permalinkUrl ?? `https://www.facebook.com/${parsed.pageId}/posts/${parsed.id.split('_')[1]}`, createdAt: now };
  world.posts.set(post.id, post);
  return post;
}

export function addMedia(world: World, input: MediaInput, now: number): MediaRecord {
  const parsed = mediaInput.parse(input);
  instagramAccount(requirePage(world, parsed.pageId));
  const media = { ...parsed, permalink: parsed.permalink ?? `https://www.instagram.com/p/${parsed.id}/`, createdAt: now };
  world.media.set(media.id, media);
  return media;
}

export function requirePage(world: World, id: string): PageRecord {
  return required(world.pages.get(id), 'Page', id, 'addPage');
}

export function requireUser(world: World, id: string): UserRecord {
  return required(world.users.get(id), 'user', id, 'addUser');
}

export function requirePost(world: World, id: string): PostRecord {
  return required(world.posts.get(id), 'post', id, 'addPost');
}

export function requireMedia(world: World, id: string): MediaRecord {
  return required(world.media.get(id), 'Instagram media', id, 'addMedia');
}

export function requireComment(world: World, id: string, platform: CommentPlatform): CommentRecord {
  const comment = world.comments.get(id);
  if (!comment || comment.platform !== platform) throw new Error(`Unknown ${platform} comment "${id}"`);
  return comment;
}

/** The Instagram account id of a Page, which must have one. */
export function instagramAccount(page: PageRecord): string {
  if (!page.instagramId) throw new Error(`Page ${page.id} has no instagramId`);
  return page.instagramId;
}

/** The conversation between a Page (or its Instagram account) and a user, opened on first use. */
export function conversationOf(world: World, platform: MessagingPlatform, pageId: string, userId: string, newId: () => string): ConversationRecord {
  const key = `${platform}:${pageId}:${userId}`;
  let conversation = world.conversations.get(key);
  if (!conversation) {
    conversation = { id: newId(), platform, pageId, userId, messages: [] };
    world.conversations.set(key, conversation);
  }
  return conversation;
}

export function findConversation(world: World, platform: MessagingPlatform, pageId: string, userId: string): ConversationRecord | undefined {
  return world.conversations.get(`${platform}:${pageId}:${userId}`);
}

function required<T>(value: T | undefined, what: string, id: string, how: string): T {
  if (value === undefined) throw new Error(`Unknown ${what} "${id}": call ${how} first`);
  return value;
}
