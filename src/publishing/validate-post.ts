import twitterText from 'twitter-text';
import { z } from 'zod';
import { NETWORKS, type PublishNetwork } from './networks.ts';

/** PLATFORMS.md §2.6 and §5, as numbers. */
export const LIMITS = {
  x: { weight: 280, media: 4 },
  instagram: { caption: 2200, hashtags: 30, mentions: 20, media: 10 },
  pinterest: { title: 100, description: 800, link: 2048 },
  facebook: { text: 63_206 },
} as const;

export const mediaRef = z.union([
  z.string().min(1).max(64).transform((id) => ({ id, type: 'image' as const, contentType: null as string | null })),
  z.object({ id: z.string().min(1).max(64).optional(), type: z.enum(['image', 'video']).default('image'), contentType: z.string().max(64).nullable().default(null) })
    .strict(),
]);
export type MediaRef = z.infer<typeof mediaRef>;

export const validateBody = z.object({
  networks: z.array(z.enum(NETWORKS)).min(1).max(4),
  text: z.string().max(100_000).default(''),
  media: z.array(mediaRef).max(20).default([]),
  link: z.string().max(4096).nullable().default(null),
  title: z.string().max(1000).nullable().default(null),
  boardId: z.string().max(64).nullable().default(null),
  /** The Facebook channel the post will go to, so a repeat of its previous post is caught. */
  channelId: z.string().max(64).optional(),
}).strict();
export type ValidateInput = z.infer<typeof validateBody>;

export interface ValidationError {
  code: string;
  message: string;
}

export interface NetworkResult {
  valid: boolean;
  /** The length that network counts: X's weighted length, characters elsewhere. */
  length: number;
  errors: ValidationError[];
}

/** What the check needs from stored data: the text of the Page's latest post, when known. */
export interface ValidationContext {
  previousFacebookText?: string | null | undefined;
}

const HASHTAG = /(?:^|[^\p{L}\p{N}_&/])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_.@])@[A-Za-z0-9_.]{1,30}/gu;

const chars = (text: string) => [...text.normalize('NFC')].length;
const err = (code: string, message: string): ValidationError => ({ code, message });

/** Folded for comparisons: case, accents, spacing and trailing punctuation do not make a new text. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/https?:\/\/\S+/g, ' ').replace(/[\s\p{P}]+/gu, ' ').trim();
}

/** The text X receives: the post's text with its link appended when the text does not hold it. */
export function xText(text: string, link: string | null): string {
  return link && !text.includes(link) ? `${text}${text ? ' ' : ''}${link}` : text;
}

function validUrl(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Checks a post against each network's rules before anything is sent: X through
 * twitter-text's `parseTweet` (weighted length, URLs as 23, emoji as 2), Instagram's caption,
 * hashtag and mention limits and its need for an image, Pinterest's image, board and field
 * lengths, Facebook's refusal of a post identical to the previous one.
 *
 * @example validatePost({ networks: ['x'], text: 'Soldes !', media: [], link: null, title: null, boardId: null })
 * // { x: { valid: true, length: 8, errors: [] } }
 */
export function validatePost(input: ValidateInput, context: ValidationContext = {}): Record<string, NetworkResult> {
  const results: Record<string, NetworkResult> = {};
  for (const network of new Set(input.networks)) results[network] = rules[network](input, context);
  return results;
}

const rules: Record<PublishNetwork, (input: ValidateInput, context: ValidationContext) => NetworkResult> = {
  x(input) {
    const text = xText(input.text, input.link);
    const parsed = twitterText.parseTweet(text);
    const errors: ValidationError[] = [];
    if (text.trim().length === 0 && input.media.length === 0) errors.push(err('x.empty', 'A post on X needs text or an image'));
    else if (parsed.weightedLength > LIMITS.x.weight) errors.push(err('x.too_long', `${parsed.weightedLength} of ${LIMITS.x.weight} weighted characters (links count 23, emoji 2)`));
    else if (!parsed.valid && text.trim().length > 0) errors.push(err('x.invalid_characters', 'The text holds characters X refuses'));
    if (input.media.length > LIMITS.x.media) errors.push(err('x.too_many_media', `At most ${LIMITS.x.media} images on X`));
    return { valid: errors.length === 0, length: parsed.weightedLength, errors };
  },
  instagram(input) {
    const length = chars(input.text);
    const errors: ValidationError[] = [];
    if (input.media.length === 0) errors.push(err('instagram.media_required', 'Instagram needs an image: text-only posts do not exist there'));
    if (input.media.length > LIMITS.instagram.media) errors.push(err('instagram.too_many_media', `At most ${LIMITS.instagram.media} images in one Instagram post`));
    if (input.media.some((m) => m.contentType !== null && m.contentType !== 'image/jpeg')) errors.push(err('instagram.jpeg_only', 'Instagram publishes JPEG images only'));
    if (length > LIMITS.instagram.caption) errors.push(err('instagram.too_long', `${length} of ${LIMITS.instagram.caption} characters`));
    const hashtags = input.text.match(HASHTAG)?.length ?? 0;
    if (hashtags > LIMITS.instagram.hashtags) errors.push(err('instagram.too_many_hashtags', `${hashtags} hashtags; Instagram allows ${LIMITS.instagram.hashtags}`));
    const mentions = input.text.match(MENTION)?.length ?? 0;
    if (mentions > LIMITS.instagram.mentions) errors.push(err('instagram.too_many_mentions', `${mentions} @mentions; Instagram allows ${LIMITS.instagram.mentions}`));
    return { valid: errors.length === 0, length, errors };
  },
  pinterest(input) {
    const length = chars(input.text);
    const errors: ValidationError[] = [];
    if (!input.media.some((m) => m.type === 'image')) errors.push(err('pinterest.image_required', 'A Pin needs an image'));
    if (!input.boardId) errors.push(err('pinterest.board_required', 'Choose the board the Pin goes to'));
    if (input.title !== null && chars(input.title) > LIMITS.pinterest.title) errors.push(err('pinterest.title_too_long', `Title: ${chars(input.title)} of ${LIMITS.pinterest.title} characters`));
    if (length > LIMITS.pinterest.description) errors.push(err('pinterest.description_too_long', `Description: ${length} of ${LIMITS.pinterest.description} characters`));
    if (input.link !== null && input.link.length > LIMITS.pinterest.link) errors.push(err('pinterest.link_too_long', `Link: ${input.link.length} of ${LIMITS.pinterest.link} characters`));
    else if (input.link !== null && !validUrl(input.link)) errors.push(err('pinterest.link_invalid', 'The link must be a web address (https://…)'));
    return { valid: errors.length === 0, length, errors };
  },
  facebook(input, context) {
    const length = chars(input.text);
    const errors: ValidationError[] = [];
    if (input.text.trim().length === 0 && input.media.length === 0 && !input.link) errors.push(err('facebook.empty', 'A Facebook post needs text, an image or a link'));
    if (length > LIMITS.facebook.text) errors.push(err('facebook.too_long', `${length} of ${LIMITS.facebook.text} characters`));
    const previous = context.previousFacebookText;
    if (previous && input.text.trim().length > 0 && previous.trim() === input.text.trim()) {
      errors.push(err('facebook.duplicate', 'Facebook refuses a post identical to the Page\'s previous one (error 506)'));
    }
    return { valid: errors.length === 0, length, errors };
  },
};
